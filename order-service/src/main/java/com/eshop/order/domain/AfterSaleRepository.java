package com.eshop.order.domain;

import java.util.List;
import java.util.Optional;

/** order_db's after-sales with their items, refunds and logs. */
public interface AfterSaleRepository {
    Optional<AfterSale> findAfterSale(String afterSaleId);

    List<AfterSale> listByOrder(String orderId);

    Optional<AfterSaleRefund> findRefund(String afterSaleId);

    Optional<AfterSaleRefund> findRefundByRequestId(String refundRequestId);

    /** The after-sale (REVIEW_PASS), its items, its log (with the writing attempt's request id) and its refund row, all or nothing. */
    void insertAfterSale(AfterSale afterSale, List<AfterSaleItem> items, AfterSaleRefund refund, String requestId);

    /**
     * REVIEW_PASS -> REFUNDING with the refund recorded as done and a log carrying the attempt's request id (null when
     * no message is bound to it); false when it was not REVIEW_PASS.
     */
    boolean markRefunding(String afterSaleId, String requestId);

    /** Whether the change of that attempt committed (its log row). */
    boolean isChangedBy(String afterSaleId, String requestId);

    /** REFUNDING -> REFUNDED (the gateway's notification); false when it was not REFUNDING. */
    boolean markRefunded(String afterSaleId);
}
