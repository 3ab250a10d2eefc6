package com.eshop.consistency.bench;

import com.eshop.consistency.Jdbc.Row;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The chain {@link DbFloor} measures: the business SQL of one paid-order cancellation chain (a paid order sent to
 * fulfillment, one coupon, two items, cancelled by its user, cancelType 0), issued over plain JDBC against the
 * services' own databases, without Seata (undo logs, global locks, TC store), Redis locks, MQ or pooling. Each
 * service database step is one local transaction; reads the services run outside a transaction join the
 * transaction of their step. Per order, in chain order (T = one local transaction):
 * <pre>
 * T1  order_db    SELECT order_info FOR UPDATE            OrderRepository.findCommittedOrder (CancelOrderService.cancelOrder)
 *                 SELECT order_item ORDER BY id           OrderRepository.findItems          (CancelOrderAssembler.assemble)
 *                 SELECT order_payment_detail             OrderRepository.findPayment        (CancelOrderAssembler.assemble)
 *                 UPDATE order_info -> 70, cancel fields  OrderInfoMapper.transitToCanceled  (OrderRepository.cancel, from
 *                 INSERT order_operate_log                OrderRepository.cancel              CancelOrderGlobalTransaction)
 * T2  fulfill_db  SELECT order_fulfill FOR UPDATE         CancelFulfillService.cancelFulfill (lockByOrderId)
 *                 UPDATE order_fulfill -> 90              CancelFulfillService.cancelFulfill (markCancelled); commits after T3 and T4
 * T3  wms_db      SELECT delivery_order FOR UPDATE        CancelPickGoodsService.cancelPickGoods (lockByOrderId)
 *                 UPDATE delivery_order -> 90             CancelPickGoodsService.cancelPickGoods (markCancelled)
 * T4  tms_db      SELECT logistic_order FOR UPDATE        CancelSendOutService.cancelSendOut (lockByOrderId)
 *                 UPDATE logistic_order -> 90             CancelSendOutService.cancelSendOut (markCancelled)
 * T5  order_db    SELECT order_info FOR UPDATE            OrderQueryService.isCancellationCommitted, asked by inventory
 * T6  inventory_db SELECT product_stock_log by order      ReleaseStockService.cancelOrderReleaseProductStock (LockedStockMover)
 *                 per item: UPDATE product_stock_log -> 20, UPDATE product_stock (release)
 * T7  order_db    SELECT order_payment_detail             PrepareRefundService.processCancelOrder (CancelRefundListener)
 *                 SELECT after_sale_info                  AfterSaleRepository.findAfterSale
 *                 INSERT after_sale_info, 2 x after_sale_item, after_sale_log, after_sale_refund
 *                                                         AfterSaleRepository.insertAfterSale (ACTUAL_REFUND's local transaction)
 * T8  order_db    SELECT after_sale_info, after_sale_refund
 *                                                         RefundMoneyService.refundMoney (findAfterSale, findRefund)
 *                 [T9 runs here]
 *                 SELECT order_info                       OrderRepository.findOrder (RefundMoneyService.refundMoney)
 *                 UPDATE after_sale_info -> 50, INSERT after_sale_log, UPDATE after_sale_refund -> 20
 *                                                         AfterSaleRepository.recordRefund (the coupon release's local transaction)
 * T9  pay_db      SELECT pay_refund by request id         ExecuteRefundService.executeRefund
 *                 SELECT pay_capture FOR UPDATE, SELECT pay_refund by request id, SELECT SUM(refund_amount), INSERT pay_refund
 *                                                         RefundLedger.book
 * T10 order_db    SELECT order_info FOR UPDATE            OrderQueryService.isCancellationCommitted, asked by market
 * T11 market_db   UPDATE user_coupon (1 row)              ReleaseUserCouponService.releaseUserCoupon: the coupon release refundMoney
 *                                                         sends with the refund, the one release of a paid order's coupon
 * T12 order_db    SELECT after_sale_refund by request id  CompleteRefundService.completeRefund (RefundCompletedListener)
 *                 SELECT after_sale_info                  AfterSaleRepository.findAfterSale (AfterSaleLifecycle.onRefundNotified)
 *                 UPDATE after_sale_info -> 60, INSERT after_sale_log
 *                                                         AfterSaleRepository.markRefunded
 * </pre>
 * 41 statements in 12 transactions. Left out as not part of the chain's business SQL: the transactional-message
 * check-backs (asked only when an outcome is unknown) and order_cancel_settlement, which CancelledOrderReconciler
 * writes in a later job run (cancelled longer than the reconcile grace), not in the chain.
 */
final class FloorChain {
    /** order_info.order_status: a paid order is FULFILL once PaidOrderSuccessListener has created its fulfillment. */
    static final int ORDER_FULFILL = 30;
    static final int ORDER_CANCELED = 70;
    static final int USER_CANCELED = 0;
    static final int MANUAL_CANCEL_ORDER = 50;
    static final int PAY_STATUS_PAID = 20;
    static final int CANCEL_ORDER_REFUND = 1;
    static final int AFTER_SALE_UN_CREATED = 0;
    static final int AFTER_SALE_REVIEW_PASS = 20;
    static final int AFTER_SALE_REFUNDING = 50;
    static final int AFTER_SALE_REFUNDED = 60;
    static final int UN_REFUND = 10;
    static final int REFUND_SUCCESS = 20;
    /** order_fulfill CREATED, delivery_order PICKING and logistic_order CREATED are all 10; CANCELLED is 90 in each. */
    static final int FULFILLMENT_LIVE = 10;
    static final int FULFILLMENT_CANCELLED = 90;
    static final int STOCK_LOCKED = 10;
    static final int STOCK_RELEASED = 20;
    static final int COUPON_USED = 1;
    static final int PAY_REFUND_SUCCESS = 20;

    /** What the cancel passes on to the release and refund steps (the real chain's CancelOrderAssembleRequest). */
    record CancelMessage(String orderId, String userId, String couponId, int totalAmount, int payType,
                                 String outTradeNo, List<Row> items) {
        /** RefundRequestIds.afterSaleId */
        String afterSaleId() {
            return "AS" + orderId;
        }

        /** RefundRequestIds.forAfterSale */
        String refundRequestId() {
            return "REFUND-" + afterSaleId();
        }
    }

    private FloorChain() {
    }

    static void cancelPaidOrder(FloorCaller caller, BenchOrder order) throws SQLException {
        CancelMessage cancel = cancelOrder(caller, order.orderId(), order.userId());
        releaseStock(caller, cancel);
        prepareRefund(caller, cancel);
        refundMoney(caller, cancel);
        completeRefund(caller, cancel);
    }

    /** T1-T4: AfterSaleApi.cancelOrder, its order branch first, then fulfillment interception. */
    static CancelMessage cancelOrder(FloorCaller caller, String orderId, String userId) throws SQLException {
        Row order = caller.one(FloorDatabase.ORDER, "SELECT * FROM order_info WHERE order_id = ? FOR UPDATE", orderId);
        if (!userId.equals(order.str("user_id"))) {
            throw new IllegalStateException("order " + orderId + " is not owned by " + userId);
        }
        int from = order.integer("order_status");
        List<Row> items = caller.query(FloorDatabase.ORDER, "SELECT * FROM order_item WHERE order_id = ? ORDER BY id", orderId);
        Row payment = caller.one(FloorDatabase.ORDER, "SELECT * FROM order_payment_detail WHERE order_id = ?", orderId);
        caller.update(FloorDatabase.ORDER, 1, "UPDATE order_info SET order_status = ?, cancel_type = ?, cancel_time = NOW(3)"
                + " WHERE order_id = ? AND order_status = ?", ORDER_CANCELED, USER_CANCELED, orderId, from);
        caller.update(FloorDatabase.ORDER, 1, "INSERT INTO order_operate_log (order_id, operate_type, pre_status, current_status,"
                        + " remark, request_id) VALUES (?, ?, ?, ?, ?, ?)", orderId, MANUAL_CANCEL_ORDER, from, ORDER_CANCELED,
                "cancelled by the user: " + from + "-" + ORDER_CANCELED, UUID.randomUUID().toString());
        caller.commit(FloorDatabase.ORDER);
        cancelFulfill(caller, orderId);
        return new CancelMessage(orderId, userId, order.str("coupon_id"), order.integer("total_amount"),
                order.integer("pay_type"), payment.str("out_trade_no"), items);
    }

    /** T2-T4: CancelFulfillService.cancelFulfill keeps its transaction open across its WMS and TMS calls. */
    static void cancelFulfill(FloorCaller caller, String orderId) throws SQLException {
        Row fulfill = caller.one(FloorDatabase.FULFILL, "SELECT * FROM order_fulfill WHERE order_id = ? FOR UPDATE", orderId);
        caller.update(FloorDatabase.FULFILL, 1, "UPDATE order_fulfill SET status = ? WHERE fulfill_id = ? AND status = ?",
                FULFILLMENT_CANCELLED, fulfill.str("fulfill_id"), fulfill.integer("status"));

        Row delivery = caller.one(FloorDatabase.WMS, "SELECT * FROM delivery_order WHERE order_id = ? FOR UPDATE", orderId);
        caller.update(FloorDatabase.WMS, 1, "UPDATE delivery_order SET status = ? WHERE delivery_order_id = ? AND status = ?",
                FULFILLMENT_CANCELLED, delivery.str("delivery_order_id"), FULFILLMENT_LIVE);
        caller.commit(FloorDatabase.WMS);

        Row logistic = caller.one(FloorDatabase.TMS, "SELECT * FROM logistic_order WHERE order_id = ? FOR UPDATE", orderId);
        caller.update(FloorDatabase.TMS, 1, "UPDATE logistic_order SET status = ? WHERE logistic_order_id = ? AND status = ?",
                FULFILLMENT_CANCELLED, logistic.str("logistic_order_id"), FULFILLMENT_LIVE);
        caller.commit(FloorDatabase.TMS);

        caller.commit(FloorDatabase.FULFILL);
    }

    /** T5-T6: ReleaseInventoryListener. */
    static void releaseStock(FloorCaller caller, CancelMessage cancel) throws SQLException {
        requireCancellationCommitted(caller, cancel.orderId());
        List<Row> locks = caller.query(FloorDatabase.INVENTORY,
                "SELECT * FROM product_stock_log WHERE order_id = ? ORDER BY sku_code", cancel.orderId());
        for (Row lock : locks) {
            int quantity = lock.integer("quantity");
            caller.update(FloorDatabase.INVENTORY, 1, "UPDATE product_stock_log SET status = ? WHERE id = ? AND status = ?",
                    STOCK_RELEASED, lock.lng("id"), STOCK_LOCKED);
            caller.update(FloorDatabase.INVENTORY, 1, "UPDATE product_stock SET sale_stock_quantity = sale_stock_quantity + ?,"
                            + " locked_stock_quantity = locked_stock_quantity - ? WHERE sku_code = ? AND locked_stock_quantity >= ?",
                    quantity, quantity, lock.str("sku_code"), quantity);
        }
        caller.commit(FloorDatabase.INVENTORY);
    }

    /** T10-T11: ReleasePropertyListener. */
    static void releaseCoupon(FloorCaller caller, CancelMessage cancel) throws SQLException {
        requireCancellationCommitted(caller, cancel.orderId());
        caller.update(FloorDatabase.MARKET, 1, "UPDATE user_coupon SET used = 0, order_id = NULL, used_time = NULL"
                        + " WHERE coupon_id = ? AND user_id = ? AND order_id = ? AND used = 1",
                cancel.couponId(), cancel.userId(), cancel.orderId());
        caller.commit(FloorDatabase.MARKET);
    }

    /** OrderInternalApi.isCancellationCommitted, asked by inventory and market before they release anything. */
    static void requireCancellationCommitted(FloorCaller caller, String orderId) throws SQLException {
        Row order = caller.one(FloorDatabase.ORDER, "SELECT * FROM order_info WHERE order_id = ? FOR UPDATE", orderId);
        caller.commit(FloorDatabase.ORDER);
        if (order.integer("order_status") != ORDER_CANCELED) {
            throw new IllegalStateException("order " + orderId + " is not cancelled");
        }
    }

    /** T7: CancelRefundListener, with ACTUAL_REFUND's local transaction (the after-sale records). */
    static void prepareRefund(FloorCaller caller, CancelMessage cancel) throws SQLException {
        String afterSaleId = cancel.afterSaleId();
        Row payment = caller.one(FloorDatabase.ORDER, "SELECT * FROM order_payment_detail WHERE order_id = ?", cancel.orderId());
        if (payment.integer("pay_status") != PAY_STATUS_PAID) {
            throw new IllegalStateException("order " + cancel.orderId() + " is not paid");
        }
        caller.none(FloorDatabase.ORDER, "SELECT * FROM after_sale_info WHERE after_sale_id = ?", afterSaleId);
        int refundAmount = payment.integer("pay_amount");
        caller.update(FloorDatabase.ORDER, 1, "INSERT INTO after_sale_info (after_sale_id, order_id, user_id, after_sale_type,"
                        + " after_sale_status, apply_refund_amount, real_refund_amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
                afterSaleId, cancel.orderId(), cancel.userId(), CANCEL_ORDER_REFUND, AFTER_SALE_REVIEW_PASS, refundAmount, refundAmount);
        int remaining = refundAmount;
        for (int i = 0; i < cancel.items().size(); i++) {
            Row item = cancel.items().get(i);
            // the refund split by item value as RefundApportioning does it: the last item takes the rounding rest
            int itemRefund = i == cancel.items().size() - 1 ? remaining
                    : (int) ((long) refundAmount * item.integer("origin_amount") / cancel.totalAmount());
            remaining -= itemRefund;
            caller.update(FloorDatabase.ORDER, 1, "INSERT INTO after_sale_item (after_sale_id, order_id, sku_code, product_name,"
                            + " return_quantity, apply_refund_amount, real_refund_amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    afterSaleId, cancel.orderId(), item.str("sku_code"), item.str("product_name"), item.integer("sale_quantity"),
                    itemRefund, itemRefund);
        }
        insertAfterSaleLog(caller, afterSaleId, AFTER_SALE_UN_CREATED, AFTER_SALE_REVIEW_PASS, "order cancelled: refund approved");
        caller.update(FloorDatabase.ORDER, 1, "INSERT INTO after_sale_refund (after_sale_id, order_id, refund_request_id, pay_type,"
                        + " out_trade_no, refund_amount, refund_status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                afterSaleId, cancel.orderId(), cancel.refundRequestId(), cancel.payType(), cancel.outTradeNo(), refundAmount, UN_REFUND);
        caller.commit(FloorDatabase.ORDER);
    }

    /** T8-T11: ActualRefundListener; the gateway refund, REFUNDING, then the coupon release bound to it. */
    static void refundMoney(FloorCaller caller, CancelMessage cancel) throws SQLException {
        String afterSaleId = cancel.afterSaleId();
        Row afterSale = caller.one(FloorDatabase.ORDER, "SELECT * FROM after_sale_info WHERE after_sale_id = ?", afterSaleId);
        Row refund = caller.one(FloorDatabase.ORDER, "SELECT * FROM after_sale_refund WHERE after_sale_id = ?", afterSaleId);
        if (afterSale.integer("after_sale_status") != AFTER_SALE_REVIEW_PASS) {
            throw new IllegalStateException("after-sale " + afterSaleId + " is not REVIEW_PASS");
        }
        executeRefund(caller, refund);
        Row order = caller.one(FloorDatabase.ORDER, "SELECT * FROM order_info WHERE order_id = ?", cancel.orderId());
        caller.update(FloorDatabase.ORDER, 1, "UPDATE after_sale_info SET after_sale_status = ?"
                + " WHERE after_sale_id = ? AND after_sale_status = ?", AFTER_SALE_REFUNDING, afterSaleId, AFTER_SALE_REVIEW_PASS);
        insertAfterSaleLog(caller, afterSaleId, AFTER_SALE_REVIEW_PASS, AFTER_SALE_REFUNDING, "refund executed by the gateway");
        caller.update(FloorDatabase.ORDER, 1, "UPDATE after_sale_refund SET refund_status = ?, refund_pay_time = NOW(3)"
                + " WHERE after_sale_id = ? AND refund_status = ?", REFUND_SUCCESS, afterSaleId, UN_REFUND);
        caller.commit(FloorDatabase.ORDER);
        if (order.str("coupon_id") != null) {
            releaseCoupon(caller, cancel);
        }
    }

    /** T9: PayApi.executeRefund. */
    static void executeRefund(FloorCaller caller, Row refund) throws SQLException {
        String refundRequestId = refund.str("refund_request_id");
        String outTradeNo = refund.str("out_trade_no");
        int refundAmount = refund.integer("refund_amount");
        caller.none(FloorDatabase.PAY, "SELECT * FROM pay_refund WHERE refund_request_id = ?", refundRequestId);
        Row capture = caller.one(FloorDatabase.PAY, "SELECT * FROM pay_capture WHERE out_trade_no = ? FOR UPDATE", outTradeNo);
        caller.none(FloorDatabase.PAY, "SELECT * FROM pay_refund WHERE refund_request_id = ?", refundRequestId);
        long refunded = caller.one(FloorDatabase.PAY,
                "SELECT COALESCE(SUM(refund_amount), 0) AS refunded FROM pay_refund WHERE out_trade_no = ?", outTradeNo).lng("refunded");
        if (refunded + refundAmount > capture.lng("pay_amount")) {
            throw new IllegalStateException("trade " + outTradeNo + " cannot refund " + refundAmount + " more");
        }
        caller.update(FloorDatabase.PAY, 1, "INSERT INTO pay_refund (refund_request_id, order_id, out_trade_no, pay_type,"
                        + " refund_amount, status) VALUES (?, ?, ?, ?, ?, ?)",
                refundRequestId, refund.str("order_id"), outTradeNo, refund.integer("pay_type"), refundAmount, PAY_REFUND_SUCCESS);
        caller.commit(FloorDatabase.PAY);
    }

    /** T12: RefundCompletedListener, the gateway's refund notification. */
    static void completeRefund(FloorCaller caller, CancelMessage cancel) throws SQLException {
        Row refund = caller.one(FloorDatabase.ORDER, "SELECT * FROM after_sale_refund WHERE refund_request_id = ?", cancel.refundRequestId());
        String afterSaleId = refund.str("after_sale_id");
        caller.one(FloorDatabase.ORDER, "SELECT * FROM after_sale_info WHERE after_sale_id = ?", afterSaleId);
        caller.update(FloorDatabase.ORDER, 1, "UPDATE after_sale_info SET after_sale_status = ?"
                + " WHERE after_sale_id = ? AND after_sale_status = ?", AFTER_SALE_REFUNDED, afterSaleId, AFTER_SALE_REFUNDING);
        insertAfterSaleLog(caller, afterSaleId, AFTER_SALE_REFUNDING, AFTER_SALE_REFUNDED, "refund notified by the gateway");
        caller.commit(FloorDatabase.ORDER);
    }

    static void insertAfterSaleLog(FloorCaller caller, String afterSaleId, int from, int to, String remark) throws SQLException {
        caller.update(FloorDatabase.ORDER, 1, "INSERT INTO after_sale_log (after_sale_id, pre_status, current_status, remark)"
                + " VALUES (?, ?, ?, ?)", afterSaleId, from, to, remark);
    }
}
