package com.eshop.inventory.application;

import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.inventory.LockProductStockRequest;
import com.eshop.common.api.inventory.StockItemRequest;
import com.eshop.inventory.domain.ProductStock;
import com.eshop.support.lock.InProcessRedisLock;
import org.springframework.transaction.support.TransactionOperations;

import java.util.ArrayList;
import java.util.Arrays;

final class InventoryFixture {
    private InventoryFixture() {
    }

    /** SKU-1001 and SKU-1002 with 100 on sale each, SKU-LIMITED with 5. */
    static InMemoryStock stockDb() {
        InMemoryStock db = new InMemoryStock();
        db.add("SKU-1001", 100);
        db.add("SKU-1002", 100);
        db.add("SKU-LIMITED", 5);
        return db;
    }

    static ReleaseStockService releaseService(InMemoryStock db, OrderGateway orderGateway) {
        return new ReleaseStockService(db, db, InProcessRedisLock.create(), TransactionOperations.withoutTransaction(),
                orderGateway);
    }

    /** Every order's cancellation is committed. */
    static ReleaseStockService releaseService(InMemoryStock db) {
        return releaseService(db, orderId -> true);
    }

    static ProductStock stock(String sku, int sale, int locked, int saled) {
        return new ProductStock(sku, "product " + sku, sale, locked, saled);
    }

    static StockItemRequest item(String sku, int quantity) {
        StockItemRequest item = new StockItemRequest();
        item.setSkuCode(sku);
        item.setSaleQuantity(quantity);
        return item;
    }

    static LockProductStockRequest lockRequest(String orderId, StockItemRequest... items) {
        LockProductStockRequest request = new LockProductStockRequest();
        request.setOrderId(orderId);
        request.setOrderItemRequestList(new ArrayList<>(Arrays.asList(items)));
        return request;
    }

    static CancelOrderReleaseProductStockRequest releaseRequest(String orderId, StockItemRequest... items) {
        CancelOrderReleaseProductStockRequest request = new CancelOrderReleaseProductStockRequest();
        request.setOrderId(orderId);
        request.setOrderItemRequestList(Arrays.asList(items));
        return request;
    }
}
