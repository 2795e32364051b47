import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { storeLedger } from './points-ledger.ts';
import {
  cancelInput,
  itemInput,
  itemListQuery,
  itemPage,
  itemPatch,
  itemView,
  keeperRedemptionPage,
  householdRedeemInput,
  keeperRedemptionView,
  lookupQuery,
  myRedemptionPage,
  myRedemptionQuery,
  myRedemptionView,
  ownCancelInput,
  redeemInput,
  redemptionListQuery,
  shopView,
} from './store.schema.ts';
import { createStoreService } from './store.service.ts';

export function storeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const store = createStoreService(ctx, storeLedger);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = { permission: 'store.manage' as const };
  const keeper = { permission: 'store.handover' as const };
  const self = { permission: 'volunteer.self' as const };
  const resident = { permission: 'household.own' as const };
  const tags = ['store'];

  // ---------------------------------------------------------------- items (console)
  r.get(
    '/api/store/items',
    {
      schema: {
        tags,
        summary: '爱心超市兑换物品（本单位及下级）',
        querystring: itemListQuery,
        response: { 200: itemPage },
      },
      config: manage,
    },
    (req) => store.listItems(actorOf(req), req.query),
  );
  r.post(
    '/api/store/items',
    {
      schema: { tags, summary: '新增兑换物品', body: itemInput, response: { 200: itemView } },
      config: manage,
    },
    (req) => store.createItem(actorOf(req), req.body),
  );
  r.get(
    '/api/store/items/:id',
    {
      schema: { tags, summary: '兑换物品详情', params: idParams, response: { 200: itemView } },
      config: manage,
    },
    (req) => store.getItem(actorOf(req), req.params.id),
  );
  r.patch(
    '/api/store/items/:id',
    {
      schema: {
        tags,
        summary: '修改兑换物品（积分、库存、限兑、兑换期、上下架；改积分留痕）',
        params: idParams,
        body: itemPatch,
        response: { 200: itemView },
      },
      config: manage,
    },
    (req) => store.updateItem(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/store/items/:id/photo',
    {
      schema: {
        tags,
        summary: '上传兑换物品照片（JPG、PNG、WEBP，表单字段 file）',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: itemView },
      },
      config: manage,
    },
    async (req) => store.setPhoto(actorOf(req), req.params.id, await readUploadedFile(req)),
  );
  r.get(
    '/api/store/items/:id/photo',
    {
      schema: {
        tags,
        summary: '兑换物品照片',
        params: idParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: z.unknown().describe('图片内容（二进制）') },
      },
      config: { permission: ['store.manage', 'store.handover', 'volunteer.self', 'household.own'] as const },
    },
    async (req, reply) => {
      const file = await store.photo(actorOf(req), req.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  // ---------------------------------------------------------------- the keeper (console)
  r.get(
    '/api/store/redemptions',
    {
      schema: {
        tags,
        summary: '积分兑换记录（本单位及下级的超市）',
        querystring: redemptionListQuery,
        response: { 200: keeperRedemptionPage },
      },
      config: keeper,
    },
    (req) => store.listRedemptions(actorOf(req), req.query),
  );
  r.get(
    '/api/store/redemptions/lookup',
    {
      schema: {
        tags,
        summary: '按取货码（6 位数字或扫码内容）查找待领取的兑换',
        querystring: lookupQuery,
        response: { 200: keeperRedemptionView },
      },
      config: keeper,
    },
    (req) => store.lookup(actorOf(req), req.query.code, req.query.orgId),
  );
  r.post(
    '/api/store/redemptions/household',
    {
      schema: {
        tags,
        summary: '在柜台为一户兑换（按户号，扣该户的文明积分和库存，得到取货码）',
        body: householdRedeemInput,
        response: { 200: keeperRedemptionView },
      },
      config: keeper,
    },
    (req) => store.redeemForHousehold(actorOf(req), req.body),
  );
  r.post(
    '/api/store/redemptions/:id/handover',
    {
      schema: {
        tags,
        summary: '兑换核销：发放物品（已领取的不能重复领取）',
        params: idParams,
        response: { 200: keeperRedemptionView },
      },
      config: keeper,
    },
    (req) => store.handover(actorOf(req), req.params.id),
  );
  r.post(
    '/api/store/redemptions/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消待领取的兑换（退回积分和库存，须填原因）',
        params: idParams,
        body: cancelInput,
        response: { 200: keeperRedemptionView },
      },
      config: keeper,
    },
    (req) => store.cancelByKeeper(actorOf(req), req.params.id, req.body.reason),
  );

  // ---------------------------------------------------------------- the holder (H5)
  r.get(
    '/api/me/store',
    {
      schema: { tags, summary: '我的积分与可兑换物品（本站及上级的爱心超市）', response: { 200: shopView } },
      config: self,
    },
    (req) => store.shop(actorOf(req)),
  );
  r.post(
    '/api/me/store/redemptions',
    {
      schema: {
        tags,
        summary: '兑换一件物品（扣积分和库存，得到取货码）',
        body: redeemInput,
        response: { 200: myRedemptionView },
      },
      config: self,
    },
    (req) => store.redeem(actorOf(req), req.body.itemId),
  );
  r.get(
    '/api/me/store/redemptions',
    {
      schema: {
        tags,
        summary: '我的兑换',
        querystring: myRedemptionQuery,
        response: { 200: myRedemptionPage },
      },
      config: self,
    },
    (req) => store.myRedemptions(actorOf(req), req.query),
  );
  r.get(
    '/api/me/store/redemptions/:id',
    {
      schema: {
        tags,
        summary: '我的一条兑换（待领取时带取货码）',
        params: idParams,
        response: { 200: myRedemptionView },
      },
      config: self,
    },
    (req) => store.myRedemption(actorOf(req), req.params.id),
  );
  r.post(
    '/api/me/store/redemptions/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消我的兑换（领取前；退回积分）',
        params: idParams,
        body: ownCancelInput,
        response: { 200: myRedemptionView },
      },
      config: self,
    },
    (req) => store.cancelMine(actorOf(req), req.params.id, req.body.reason),
  );

  // ---------------------------------------------------------------- a linked resident for their household (H5)
  r.get(
    '/api/me/household/store',
    {
      schema: {
        tags,
        summary: '本户积分与可兑换物品（本村及上级的爱心超市）',
        response: { 200: shopView },
      },
      config: resident,
    },
    (req) => store.householdShop(actorOf(req)),
  );
  r.post(
    '/api/me/household/store/redemptions',
    {
      schema: {
        tags,
        summary: '为本户兑换一件物品（扣本户积分和库存，得到取货码）',
        body: redeemInput,
        response: { 200: myRedemptionView },
      },
      config: resident,
    },
    (req) => store.householdRedeem(actorOf(req), req.body.itemId),
  );
  r.get(
    '/api/me/household/store/redemptions',
    {
      schema: {
        tags,
        summary: '本户的兑换',
        querystring: myRedemptionQuery,
        response: { 200: myRedemptionPage },
      },
      config: resident,
    },
    (req) => store.householdRedemptions(actorOf(req), req.query),
  );
  r.get(
    '/api/me/household/store/redemptions/:id',
    {
      schema: {
        tags,
        summary: '本户的一条兑换（待领取时带取货码）',
        params: idParams,
        response: { 200: myRedemptionView },
      },
      config: resident,
    },
    (req) => store.householdRedemption(actorOf(req), req.params.id),
  );
  r.post(
    '/api/me/household/store/redemptions/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消本户的兑换（领取前；退回积分）',
        params: idParams,
        body: ownCancelInput,
        response: { 200: myRedemptionView },
      },
      config: resident,
    },
    (req) => store.householdCancel(actorOf(req), req.params.id, req.body.reason),
  );
}
