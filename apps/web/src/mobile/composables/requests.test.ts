import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { useLoad } from './requests';

/** A request the test answers when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useLoad', () => {
  it('keeps the newest load’s answer when an older one arrives after it', async () => {
    const requests = [deferred<string>(), deferred<string>()];
    let shown: string | null = null;
    let n = 0;
    const { loading, load } = useLoad(async (current) => {
      const answer = await requests[n++]!.promise;
      if (current()) shown = answer;
    });
    const first = load(); // the village remembered from last time
    const second = load(); // the one the resident picked meanwhile
    requests[1]!.resolve('新村');
    await second;
    expect(shown).toBe('新村');
    expect(loading.value).toBe(false);
    requests[0]!.resolve('旧村');
    await first;
    expect(shown).toBe('新村');
    expect(loading.value).toBe(false);
  });

  it('shows only the newest load’s error and spinner', async () => {
    const requests = [deferred<string>(), deferred<string>()];
    let n = 0;
    const { loading, loadError, load } = useLoad(async () => {
      await requests[n++]!.promise;
    });
    const first = load();
    const second = load();
    requests[0]!.reject(new ApiError(500, 'X', '旧的失败'));
    await first;
    expect(loadError.value).toBeNull();
    expect(loading.value).toBe(true);
    requests[1]!.reject(new ApiError(404, 'NOT_FOUND', '没有这个村'));
    await second;
    expect(loadError.value?.message).toBe('没有这个村');
    expect(loading.value).toBe(false);
  });
});
