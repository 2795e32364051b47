import type { OverlayProps } from 'vant';

// Vant makes a popup's overlay a role=button (a tap closes the popup) without a name, which axe
// rightly reports; the overlay passes attributes it does not know on to its element, though its
// props type does not say so. For `<van-popup :overlay-props="NAMED_OVERLAY">`.
export const NAMED_OVERLAY = { 'aria-label': '关闭' } as unknown as Partial<OverlayProps>;
