package com.eshop.wms.application;

/** order-service, as WMS needs it. A refusal is thrown as the callee's BizException. */
public interface OrderGateway {
    /** FULFILL -> OUT_STOCK of the order. */
    void confirmOutStock(String orderId);
}
