package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import org.junit.jupiter.api.Test;

import static com.eshop.inventory.application.InventoryFixture.item;
import static com.eshop.inventory.application.InventoryFixture.lockRequest;
import static com.eshop.inventory.application.InventoryFixture.releaseRequest;
import static com.eshop.inventory.application.InventoryFixture.releaseService;
import static com.eshop.inventory.application.InventoryFixture.stockDb;
import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class ProductStockQueryServiceTest {
    private final InMemoryStock db = stockDb();
    private final ProductStockQueryService service = new ProductStockQueryService(db, db);

    @Test
    void anOrderHoldsLockedStockUntilItIsReleased() {
        new LockStockService(db, db).lockProductStock(lockRequest("O1", item("SKU-1001", 3)));
        assertThat(service.holdsLockedStock("O1")).isTrue();
        assertThat(service.holdsLockedStock("NEVER-LOCKED")).isFalse();

        releaseService(db).cancelOrderReleaseProductStock(releaseRequest("O1"));

        assertThat(service.holdsLockedStock("O1")).isFalse();
    }

    @Test
    void getProductStock() {
        assertThat(service.getProductStock("SKU-LIMITED").getSaleStockQuantity()).isEqualTo(5);
        assertRefused(() -> service.getProductStock("SKU-NONE"), ErrorCode.PRODUCT_STOCK_NOT_FOUND);
        assertRefused(() -> service.getProductStock(null), ErrorCode.PARAM_INVALID);
    }
}
