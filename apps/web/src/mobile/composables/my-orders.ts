// What a resident's phone remembers without an account: the village last picked for 点单, and the
// tracking links of the needs placed from it (我的点单), so an older user finds them again without
// keeping the link. Only the order number, a short title and the tracking token are stored.
import { ref } from 'vue';

const ORDERS_KEY = 'h5-my-orders';
const VILLAGE_KEY = 'h5-order-village';
/** Enough for a household; older entries drop off. */
const MAX_ORDERS = 20;

export interface StoredOrder {
  token: string;
  orderNo: string;
  title: string;
  createdAt: string;
}

function read<T>(key: string, valid: (value: unknown) => value is T): T | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private browsing may refuse storage; the page still works for this visit.
  }
}

const isStoredOrder = (value: unknown): value is StoredOrder => {
  const v = value as Partial<StoredOrder> | null;
  return (
    !!v &&
    typeof v.token === 'string' &&
    typeof v.orderNo === 'string' &&
    typeof v.title === 'string' &&
    typeof v.createdAt === 'string'
  );
};
const isOrderList = (value: unknown): value is StoredOrder[] =>
  Array.isArray(value) && value.every(isStoredOrder);

const orders = ref<StoredOrder[]>(read(ORDERS_KEY, isOrderList) ?? []);

/** 我的点单 on this device, the newest first. */
export function useMyOrders() {
  function remember(order: StoredOrder): void {
    orders.value = [order, ...orders.value.filter((o) => o.token !== order.token)].slice(0, MAX_ORDERS);
    write(ORDERS_KEY, orders.value);
  }

  function forget(token: string): void {
    orders.value = orders.value.filter((o) => o.token !== token);
    write(ORDERS_KEY, orders.value);
  }

  return { orders, remember, forget };
}

// earlier versions stored the id as text
const isVillage = (value: unknown): value is { id: number | string } => {
  const v = value as { id?: unknown } | null;
  return !!v && (typeof v.id === 'number' || (typeof v.id === 'string' && /^\d+$/.test(v.id)));
};

/** The village (station) last picked for 点单 on this device, or null. */
export function storedVillage(): number | null {
  const value = read(VILLAGE_KEY, isVillage);
  return value ? Number(value.id) : null;
}

export function storeVillage(id: number | null): void {
  if (id === null) {
    try {
      localStorage.removeItem(VILLAGE_KEY);
    } catch {
      // ignore, as above
    }
  } else write(VILLAGE_KEY, { id });
}
