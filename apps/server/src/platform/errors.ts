/**
 * One error hierarchy for the whole server. The error handler maps each to
 * `{ code, message }` with its HTTP status; messages are Chinese and safe to show to users.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
export class Invalid extends AppError {
  constructor(message: string, code = 'VALIDATION') {
    super(400, code, message);
  }
}
export class Unauthenticated extends AppError {
  constructor(message = '请先登录', code = 'UNAUTHENTICATED') {
    super(401, code, message);
  }
}
export class Forbidden extends AppError {
  constructor(message = '无权执行此操作', code = 'FORBIDDEN') {
    super(403, code, message);
  }
}
export class NotFound extends AppError {
  constructor(message = '记录不存在或不在您的数据范围内', code = 'NOT_FOUND') {
    super(404, code, message);
  }
}
export class Conflict extends AppError {
  constructor(message: string, code = 'CONFLICT') {
    super(409, code, message);
  }
}
export class Locked extends AppError {
  constructor(message: string) {
    super(423, 'ACCOUNT_LOCKED', message);
  }
}
export class TooManyRequests extends AppError {
  constructor(message = '请求过于频繁，请稍后再试') {
    super(429, 'RATE_LIMITED', message);
  }
}
