import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is read from the environment once at boot, validated, then frozen.
 * Every variable is documented in the README's configuration table.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).optional(),
  DEMO_PASSWORD: z.string().min(1).optional(),
  FIELD_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'FIELD_ENCRYPTION_KEY 必须是 64 位十六进制字符串（32 字节）')
    .optional(),
  REQUIRE_2FA: booleanFlag.optional(),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).default(90),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFlag.default(false),
  WEBHOOK_URL: z.string().url('WEBHOOK_URL 必须是 http(s) 地址').optional(),
  WEBHOOK_SECRET: z.string().min(16, 'WEBHOOK_SECRET 至少 16 个字符').optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_URL 必须是 http(s) 地址，如 https://wmsj.example.gov.cn' })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  CERTIFICATE_SIGNING_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'CERTIFICATE_SIGNING_KEY 必须是 64 位十六进制字符串（SM2 私钥）')
    .optional(),
  ASSESSMENT_MIN_RATINGS: z.coerce
    .number()
    .int()
    .min(1, 'ASSESSMENT_MIN_RATINGS 至少为 1')
    .max(1000, 'ASSESSMENT_MIN_RATINGS 不超过 1000')
    .default(10),
  ASSESSMENT_FUND_POOL_MAX_YUAN: z.coerce
    .number()
    .int()
    .min(1, 'ASSESSMENT_FUND_POOL_MAX_YUAN 至少为 1')
    .max(1_000_000_000, 'ASSESSMENT_FUND_POOL_MAX_YUAN 不超过 10 亿')
    .default(5_000_000),
  RANKING_MIN_ORDERS: z.coerce
    .number()
    .int()
    .min(1, 'RANKING_MIN_ORDERS 至少为 1')
    .max(1000, 'RANKING_MIN_ORDERS 不超过 1000')
    .default(10),
  RANKING_MIN_VOLUNTEER_RATINGS: z.coerce
    .number()
    .int()
    .min(1, 'RANKING_MIN_VOLUNTEER_RATINGS 至少为 1')
    .max(1000, 'RANKING_MIN_VOLUNTEER_RATINGS 不超过 1000')
    .default(3),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dataDirExplicit: boolean;
  demoPassword: string | undefined;
  fieldEncryptionKey: string | undefined;
  require2fa: boolean;
  passwordMaxAgeDays: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  trustProxy: boolean;
  /** Outbound webhook (an SMS/WeChat gateway) told of every order status change; unset = off. */
  webhookUrl: string | undefined;
  /** Signs webhook bodies (HMAC-SHA256); derived from the field key when unset. */
  webhookSecret: string | undefined;
  /**
   * The platform's public address (https://wmsj.example.gov.cn), for links that leave the site (the
   * calendar feed's event links). Never taken from a request's Host header; unset = no such links.
   */
  publicUrl: string | undefined;
  /**
   * How long a public read (menu, activities, plans, residence list, Open311 services) may be
   * served from the server's memory and from browsers' caches; 0 = every read goes to the database.
   */
  publicCacheSeconds: number;
  /**
   * The SM2 private key (hex) that signs certificates (志愿服务记录证明); derived from the field key
   * when unset.
   */
  certificateSigningKey: string | undefined;
  /**
   * The fewest ratings a unit's average rating needs before it is shown (and ranked): a unit with
   * one perfect order must not top the board.
   */
  assessmentMinRatings: number;
  /** the largest reward-fund pool (奖补资金) one allocation may split, in yuan */
  assessmentFundPoolMaxYuan: number;
  /**
   * Rankings (实践排行): the fewest closed orders a unit's on-time rate, and the fewest ratings its
   * average rating, needs to be ranked; below it the unit is listed after the ranked ones (样本不足).
   */
  rankingMinOrders: number;
  /** The fewest ratings a volunteer's average rating needs to be ranked. */
  rankingMinVolunteerRatings: number;
  /** Demo mode: not production; the demo county is seeded into an empty database. */
  demo: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 (configuration error):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.DATABASE_URL && !e.DATA_DIR) {
    throw new ConfigError(
      '生产模式 (NODE_ENV=production) 必须设置 DATABASE_URL 或明确的 DATA_DIR，不会使用默认数据目录。',
    );
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(cwd, e.DATA_DIR ?? 'data'),
    dataDirExplicit: Boolean(e.DATA_DIR),
    demoPassword: e.DEMO_PASSWORD,
    fieldEncryptionKey: e.FIELD_ENCRYPTION_KEY,
    require2fa: e.REQUIRE_2FA ?? production,
    passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    webhookUrl: e.WEBHOOK_URL,
    webhookSecret: e.WEBHOOK_SECRET,
    publicUrl: e.PUBLIC_URL,
    publicCacheSeconds: e.PUBLIC_CACHE_SECONDS,
    certificateSigningKey: e.CERTIFICATE_SIGNING_KEY?.toLowerCase(),
    assessmentMinRatings: e.ASSESSMENT_MIN_RATINGS,
    assessmentFundPoolMaxYuan: e.ASSESSMENT_FUND_POOL_MAX_YUAN,
    rankingMinOrders: e.RANKING_MIN_ORDERS,
    rankingMinVolunteerRatings: e.RANKING_MIN_VOLUNTEER_RATINGS,
    demo: !production,
  });
}
