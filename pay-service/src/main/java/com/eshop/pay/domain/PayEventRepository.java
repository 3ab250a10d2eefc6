package com.eshop.pay.domain;

import java.util.List;

/** Read-only: the order timeline's view of the gateway's transactions, captures and refunds. */
public interface PayEventRepository {
    List<PayEvent> findByOrderId(String orderId);
}
