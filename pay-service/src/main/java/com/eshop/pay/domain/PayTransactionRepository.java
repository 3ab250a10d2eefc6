package com.eshop.pay.domain;

import java.util.Optional;

public interface PayTransactionRepository {
    Optional<PayTransaction> findByOrderIdAndPayType(String orderId, int payType);

    Optional<PayTransaction> findByOutTradeNo(String outTradeNo);

    /** false when the (order, pay type) already has a transaction. */
    boolean insert(PayTransaction transaction);

    /** WAITING -> PAID; a transaction already paid stays as it is. */
    void markPaid(String outTradeNo);
}
