package com.eshop.inventory.application;

/** order-service, as inventory-service needs it. A refusal is thrown as the callee's BizException. */
public interface OrderGateway {
    /** Whether the order's cancellation is globally committed. */
    boolean isCancellationCommitted(String orderId);
}
