package com.eshop.wms.application;

/** inventory-service, as WMS needs it. A refusal is thrown as the callee's BizException. */
public interface InventoryGateway {
    /** The order's locked stock becomes sold. */
    void deductProductStock(String orderId);
}
