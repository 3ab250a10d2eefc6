package com.eshop.pay.domain;

import java.util.List;
import java.util.Optional;

public interface PayRefundRepository {
    Optional<PayRefund> findByRefundRequestId(String refundRequestId);

    /** false when the refund request id is already stored. */
    boolean insert(PayRefund refund);

    /** The sum of every refund of this trade number. */
    long sumRefundedByOutTradeNo(String outTradeNo);

    /** The order's refunds, oldest first. */
    List<PayRefund> listByOrderId(String orderId);
}
