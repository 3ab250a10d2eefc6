package com.eshop.order.infrastructure.gateway;

import com.eshop.common.api.inventory.InventoryApi;
import com.eshop.common.api.inventory.LockProductStockRequest;
import com.eshop.common.api.inventory.StockItemRequest;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.eshop.support.error.ApiResults.unwrap;

@Component
public class InventoryGateway {
    @DubboReference(version = "1.0.0", check = false)
    private InventoryApi inventoryApi;

    public void lockProductStock(String orderId, List<StockItemRequest> items) {
        LockProductStockRequest request = new LockProductStockRequest();
        request.setOrderId(orderId);
        request.setOrderItemRequestList(items);
        unwrap(inventoryApi.lockProductStock(request));
    }

    public boolean holdsLockedStock(String orderId) {
        return Boolean.TRUE.equals(unwrap(inventoryApi.holdsLockedStock(orderId)));
    }
}
