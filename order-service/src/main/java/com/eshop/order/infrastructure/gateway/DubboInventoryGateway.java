package com.eshop.order.infrastructure.gateway;

import com.eshop.common.api.inventory.InventoryApi;
import com.eshop.common.api.inventory.LockProductStockRequest;
import com.eshop.common.api.inventory.StockItemRequest;
import com.eshop.order.application.InventoryGateway;
import com.eshop.order.domain.OrderItem;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.eshop.support.error.ApiResults.unwrap;

@Component
public class DubboInventoryGateway implements InventoryGateway {
    @DubboReference(version = "1.0.0", check = false)
    private InventoryApi inventoryApi;

    @Override
    public void lockProductStock(String orderId, List<OrderItem> items) {
        LockProductStockRequest request = new LockProductStockRequest();
        request.setOrderId(orderId);
        request.setOrderItemRequestList(items.stream().map(item -> {
            StockItemRequest stockItem = new StockItemRequest();
            stockItem.setSkuCode(item.skuCode());
            stockItem.setSaleQuantity(item.saleQuantity());
            return stockItem;
        }).toList());
        unwrap(inventoryApi.lockProductStock(request));
    }

    @Override
    public boolean holdsLockedStock(String orderId) {
        return Boolean.TRUE.equals(unwrap(inventoryApi.holdsLockedStock(orderId)));
    }
}
