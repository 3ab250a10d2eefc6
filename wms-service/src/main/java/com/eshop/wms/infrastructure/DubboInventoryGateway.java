package com.eshop.wms.infrastructure;

import com.eshop.common.api.inventory.InventoryApi;
import com.eshop.support.error.ApiResults;
import com.eshop.wms.application.InventoryGateway;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

@Component
public class DubboInventoryGateway implements InventoryGateway {
    @DubboReference(version = "1.0.0", check = false)
    private InventoryApi inventoryApi;

    @Override
    public void deductProductStock(String orderId) {
        ApiResults.unwrap(inventoryApi.deductProductStock(orderId));
    }
}
