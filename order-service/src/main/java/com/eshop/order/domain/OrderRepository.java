package com.eshop.order.domain;

import com.eshop.common.api.enums.OrderStatusEnum;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** order_db's orders, their items and payments. Every status write is conditional on the status it leaves. */
public interface OrderRepository {
    Optional<Order> findOrder(String orderId);

    /**
     * The order as globally committed: under Seata AT a plain read also sees the uncommitted state of an unfinished
     * global transaction (one a coordinator restart left to be rolled back, say); this read waits for it, or fails and
     * is retried, instead of taking it for the truth.
     */
    Optional<Order> findCommittedOrder(String orderId);

    List<OrderItem> findItems(String orderId);

    Optional<OrderPayment> findPayment(String orderId);

    List<ProductSku> findSkus(Collection<String> skuCodes);

    /** The order, its items, its unpaid payment and the NEW_ORDER operate log, all or nothing. */
    void insertNewOrder(Order order, List<OrderItem> items, OrderPayment payment);

    /** The pay type chosen at pre-pay, while the order is unpaid. */
    void choosePayType(String orderId, int payType);

    /**
     * CREATED -> PAID with the accepted payment, its record and the operate log that carries the pay attempt's request
     * id; false when the order was no longer CREATED.
     */
    boolean markPaid(String orderId, int payType, String outTradeNo, int payAmount, String payRequestId);

    /** Whether that pay attempt's CREATED -> PAID committed (its operate log). */
    boolean isPaidBy(String orderId, String payRequestId);

    /** A conditional transition with its operate log; false when the order was no longer in {@code from}. */
    boolean transit(String orderId, OrderStatusEnum from, OrderStatusEnum to, OrderOperateTypeEnum operateType);

    /** from -> CANCELED with the operate log that carries the cancel attempt's request id; false when it left {@code from}. */
    boolean cancel(String orderId, OrderStatusEnum from, int cancelType, OrderOperateTypeEnum operateType, String cancelRequestId);

    /** Whether that cancel attempt committed globally (its operate log), read under the order's global lock. */
    boolean isCancelCommitted(String orderId, String cancelRequestId);

    /** Records a payment the order does not keep, once per (order, pay type); returns the stored record. */
    PaymentRecord recordUnacceptedPayment(PaymentRecord payment);

    void markPaymentRefunded(String orderId, int payType);

    /** One keyset page of this shard's unpaid orders expired at {@code now}, after {@code after} by expire time. */
    List<OrderCursor> findExpiredUnpaidPage(Instant now, OrderCursor after, int shardIndex, int shardTotal, int pageSize);

    /**
     * One keyset page of this shard's orders cancelled within (from, until], after {@code after} by cancel time, not yet
     * recorded as settled.
     */
    List<OrderCursor> findUnsettledCancelledPage(Instant from, Instant until, OrderCursor after, int shardIndex, int shardTotal,
                                                 int pageSize);

    /** Everything of this cancelled order is released and refunded: the reconciliation does not read it again. */
    void recordSettled(String orderId);
}
