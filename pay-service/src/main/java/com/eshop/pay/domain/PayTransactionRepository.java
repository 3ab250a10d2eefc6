package com.eshop.pay.domain;

import java.util.Optional;

public interface PayTransactionRepository {
    Optional<PayTransaction> findByOrderIdAndPayType(String orderId, int payType);

    /** false when the (order, pay type) already has a transaction. */
    boolean insert(PayTransaction transaction);
}
