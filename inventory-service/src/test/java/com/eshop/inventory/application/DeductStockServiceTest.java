package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import org.junit.jupiter.api.Test;

import static com.eshop.inventory.application.InventoryFixture.item;
import static com.eshop.inventory.application.InventoryFixture.lockRequest;
import static com.eshop.inventory.application.InventoryFixture.releaseRequest;
import static com.eshop.inventory.application.InventoryFixture.releaseService;
import static com.eshop.inventory.application.InventoryFixture.stock;
import static com.eshop.inventory.application.InventoryFixture.stockDb;
import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class DeductStockServiceTest {
    private final InMemoryStock db = stockDb();
    private final LockStockService lockService = new LockStockService(db, db);
    private final ReleaseStockService releaseService = releaseService(db);
    private final DeductStockService service = new DeductStockService(db, db);

    @Test
    void deductMovesLockedToSoldOnceAndReleaseAfterwardsIsANoOp() {
        lockService.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));

        service.deductProductStock("O1");
        service.deductProductStock("O1");
        releaseService.cancelOrderReleaseProductStock(releaseRequest("O1"));

        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 97, 0, 3));
    }

    @Test
    void deductRefusesAnOrderWithoutLockedStock() {
        lockService.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));
        releaseService.cancelOrderReleaseProductStock(releaseRequest("O1"));

        assertRefused(() -> service.deductProductStock("O1"), ErrorCode.PRODUCT_STOCK_NOT_FOUND);
        assertRefused(() -> service.deductProductStock("O-UNKNOWN"), ErrorCode.PRODUCT_STOCK_NOT_FOUND);
        assertRefused(() -> service.deductProductStock(" "), ErrorCode.PARAM_INVALID);
        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 100, 0, 0));
    }
}
