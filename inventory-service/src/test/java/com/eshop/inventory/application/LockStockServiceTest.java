package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.eshop.inventory.application.InventoryFixture.item;
import static com.eshop.inventory.application.InventoryFixture.lockRequest;
import static com.eshop.inventory.application.InventoryFixture.stock;
import static com.eshop.inventory.application.InventoryFixture.stockDb;
import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class LockStockServiceTest {
    private final InMemoryStock db = stockDb();
    private final LockStockService service = new LockStockService(db, db);

    @Test
    void lockMovesStockFromSaleToLockedAndMergesRepeatedSkus() {
        service.lockProductStock(lockRequest("O1", item("SKU-1002", 2), item("SKU-1001", 3), item("SKU-1002", 1)));

        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 97, 3, 0));
        assertThat(db.get("SKU-1002")).isEqualTo(stock("SKU-1002", 97, 3, 0));
        assertThat(db.findByOrderId("O1")).extracting(l -> l.skuCode() + ":" + l.quantity() + ":" + l.status())
                .containsExactly("SKU-1001:3:LOCKED", "SKU-1002:3:LOCKED");
    }

    @Test
    void repeatedLockForTheSameOrderChangesNothing() {
        service.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));
        service.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));

        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 97, 3, 0));
        assertThat(db.findByOrderId("O1")).hasSize(1);
    }

    @Test
    void stockLockedByAnEarlierAttemptThatMayStillRollBackIsRefusedLockBusyNotSkipped() {
        service.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));
        db.ordersHeldByUnfinishedTransaction.add("O1");

        assertRefused(() -> service.lockProductStock(lockRequest("O1", item("SKU-1001", 3), item("SKU-1002", 1))), ErrorCode.LOCK_BUSY);
        assertThat(db.get("SKU-1002")).as("nothing more locked").isEqualTo(stock("SKU-1002", 100, 0, 0));
        assertThat(db.findByOrderId("O1")).hasSize(1);
    }

    @Test
    void lockRefusesInsufficientAndUnknownStock() {
        assertRefused(() -> service.lockProductStock(lockRequest("O1", item("SKU-LIMITED", 6))),
                ErrorCode.PRODUCT_STOCK_INSUFFICIENT);
        assertRefused(() -> service.lockProductStock(lockRequest("O2", item("SKU-NONE", 1))),
                ErrorCode.PRODUCT_STOCK_NOT_FOUND);
    }

    @Test
    void invalidLockRequestsAreRefusedBeforeAnythingChanges() {
        List<Runnable> invalid = List.of(
                () -> service.lockProductStock(null),
                () -> service.lockProductStock(lockRequest(null, item("SKU-1001", 1))),
                () -> service.lockProductStock(lockRequest("bad id!", item("SKU-1001", 1))),
                () -> service.lockProductStock(lockRequest("O1")),
                () -> service.lockProductStock(lockRequest("O1", item("SKU-1001", 0))),
                () -> service.lockProductStock(lockRequest("O1", item("SKU-1001", -1))),
                () -> service.lockProductStock(lockRequest("O1", item("SKU-1001", 10_001))),
                () -> service.lockProductStock(lockRequest("O1", item("SKU-1002", 1), item(null, 1))));
        for (Runnable call : invalid) {
            assertRefused(call::run, ErrorCode.PARAM_INVALID);
        }
        assertThat(db.logs).isEmpty();
        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 100, 0, 0));
        assertThat(db.get("SKU-1002")).isEqualTo(stock("SKU-1002", 100, 0, 0));
    }
}
