package com.eshop.order.domain;

import com.eshop.common.api.enums.AfterSaleStatusEnum;

import java.util.List;
import java.util.Optional;

/**
 * order_db's after-sales with their items, refunds and logs. Status writes are conditional on the status they leave,
 * and only make the moves {@link AfterSaleLifecycle} allows; each is logged, with the attempt id of the transactional
 * message it is the local transaction of (null when none).
 */
public interface AfterSaleRepository {
    Optional<AfterSale> findAfterSale(String afterSaleId);

    List<AfterSale> listByOrder(String orderId);

    Optional<AfterSaleRefund> findRefund(String afterSaleId);

    Optional<AfterSaleRefund> findRefundByRequestId(String refundRequestId);

    /** The after-sale (REVIEW_PASS), its items, its log and its refund row, all or nothing. */
    void insertAfterSale(AfterSale afterSale, List<AfterSaleItem> items, AfterSaleRefund refund, String attemptId);

    /** The gateway refunded: REVIEW_PASS -> {@code to} with the refund recorded as done; false when it was not REVIEW_PASS. */
    boolean recordRefund(String afterSaleId, AfterSaleStatusEnum to, String attemptId);

    /** The gateway's notification overtook {@link #recordRefund}: the refund recorded as done, the status left; false when it was. */
    boolean recordRefundNotified(String afterSaleId);

    /** Whether the change of that attempt committed (its log row). */
    boolean isChangedBy(String afterSaleId, String attemptId);

    /** REFUNDING -> REFUNDED (the gateway's notification); false when it was not REFUNDING. */
    boolean markRefunded(String afterSaleId);
}
