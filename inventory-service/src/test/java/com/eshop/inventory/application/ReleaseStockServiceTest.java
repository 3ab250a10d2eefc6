package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.inventory.domain.StockLog;
import com.eshop.inventory.domain.StockLogStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.eshop.inventory.application.InventoryFixture.item;
import static com.eshop.inventory.application.InventoryFixture.lockRequest;
import static com.eshop.inventory.application.InventoryFixture.releaseRequest;
import static com.eshop.inventory.application.InventoryFixture.releaseService;
import static com.eshop.inventory.application.InventoryFixture.stock;
import static com.eshop.inventory.application.InventoryFixture.stockDb;
import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class ReleaseStockServiceTest {
    private final InMemoryStock db = stockDb();
    /** Orders whose cancellation is not committed; every other order counts as cancelled. */
    private final Set<String> liveOrders = new HashSet<>();
    private final LockStockService lockService = new LockStockService(db, db);
    private final ReleaseStockService service = releaseService(db, orderId -> !liveOrders.contains(orderId));

    @Test
    void releaseReturnsExactlyWhatTheOrderLockedWhateverTheRequestSays() {
        lockService.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));
        lockService.lockProductStock(lockRequest("O2", item("SKU-1001", 4)));

        // the item list is informational only: a wrong quantity or an extra SKU changes nothing
        service.cancelOrderReleaseProductStock(releaseRequest("O1", item("SKU-1001", 50), item("SKU-1002", 9)));

        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 96, 4, 0));
        assertThat(db.get("SKU-1002")).isEqualTo(stock("SKU-1002", 100, 0, 0));
        assertThat(db.findByOrderId("O1")).extracting(l -> l.status()).containsExactly(StockLogStatus.RELEASED);
    }

    @Test
    void releaseIsRefusedForAnOrderWhoseCancellationIsNotCommitted() {
        lockService.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));
        liveOrders.add("O1");

        assertRefused(() -> service.cancelOrderReleaseProductStock(releaseRequest("O1")), ErrorCode.ORDER_NOT_CANCELLED);
        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 97, 3, 0));
        assertThat(db.findByOrderId("O1")).extracting(StockLog::status).containsExactly(StockLogStatus.LOCKED);
    }

    @Test
    void releaseIsIdempotentAndANoOpWhenNothingIsLocked() {
        lockService.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));

        assertThat(service.cancelOrderReleaseProductStock(releaseRequest("O1"))).isTrue();
        assertThat(service.cancelOrderReleaseProductStock(releaseRequest("O1"))).isTrue();
        assertThat(service.cancelOrderReleaseProductStock(releaseRequest("NEVER-LOCKED"))).isTrue();

        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 100, 0, 0));
    }

    @Test
    void concurrentDuplicateReleasesReleaseOnce() throws Exception {
        lockService.lockProductStock(lockRequest("O1", item("SKU-1001", 3), item("SKU-1002", 2)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> service.cancelOrderReleaseProductStock(releaseRequest("O1"))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 100, 0, 0));
        assertThat(db.get("SKU-1002")).isEqualTo(stock("SKU-1002", 100, 0, 0));
    }
}
