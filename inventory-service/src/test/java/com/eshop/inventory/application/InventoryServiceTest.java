package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.inventory.LockProductStockRequest;
import com.eshop.common.api.inventory.StockItemRequest;
import com.eshop.inventory.domain.ProductStock;
import com.eshop.inventory.domain.StockLog;
import com.eshop.inventory.domain.StockLogStatus;
import com.eshop.support.error.BizException;
import com.eshop.support.lock.InProcessRedisLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryServiceTest {
    private InMemoryStock db;
    private InventoryService service;
    /** Orders whose cancellation is not committed; every other order counts as cancelled. */
    private final java.util.Set<String> liveOrders = new java.util.HashSet<>();

    @BeforeEach
    void setUp() {
        db = new InMemoryStock();
        db.add("SKU-1001", 100);
        db.add("SKU-1002", 100);
        db.add("SKU-LIMITED", 5);
        service = new InventoryService(db, db, InProcessRedisLock.create(), TransactionOperations.withoutTransaction(),
                orderId -> !liveOrders.contains(orderId));
    }

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

    @Test
    void releaseReturnsExactlyWhatTheOrderLockedWhateverTheRequestSays() {
        service.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));
        service.lockProductStock(lockRequest("O2", item("SKU-1001", 4)));

        // the item list is informational only: a wrong quantity or an extra SKU changes nothing
        service.cancelOrderReleaseProductStock(releaseRequest("O1", item("SKU-1001", 50), item("SKU-1002", 9)));

        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 96, 4, 0));
        assertThat(db.get("SKU-1002")).isEqualTo(stock("SKU-1002", 100, 0, 0));
        assertThat(db.findByOrderId("O1")).extracting(l -> l.status()).containsExactly(StockLogStatus.RELEASED);
    }

    @Test
    void anOrderHoldsLockedStockUntilItIsReleased() {
        service.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));
        assertThat(service.holdsLockedStock("O1")).isTrue();
        assertThat(service.holdsLockedStock("NEVER-LOCKED")).isFalse();

        service.cancelOrderReleaseProductStock(releaseRequest("O1"));

        assertThat(service.holdsLockedStock("O1")).isFalse();
    }

    @Test
    void releaseIsRefusedForAnOrderWhoseCancellationIsNotCommitted() {
        service.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));
        liveOrders.add("O1");

        assertRefused(() -> service.cancelOrderReleaseProductStock(releaseRequest("O1")), ErrorCode.ORDER_NOT_CANCELLED);
        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 97, 3, 0));
        assertThat(db.findByOrderId("O1")).extracting(StockLog::status).containsExactly(StockLogStatus.LOCKED);
    }

    @Test
    void releaseIsIdempotentAndANoOpWhenNothingIsLocked() {
        service.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));

        assertThat(service.cancelOrderReleaseProductStock(releaseRequest("O1"))).isTrue();
        assertThat(service.cancelOrderReleaseProductStock(releaseRequest("O1"))).isTrue();
        assertThat(service.cancelOrderReleaseProductStock(releaseRequest("NEVER-LOCKED"))).isTrue();

        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 100, 0, 0));
    }

    @Test
    void concurrentDuplicateReleasesReleaseOnce() throws Exception {
        service.lockProductStock(lockRequest("O1", item("SKU-1001", 3), item("SKU-1002", 2)));
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

    @Test
    void deductMovesLockedToSoldOnceAndReleaseAfterwardsIsANoOp() {
        service.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));

        service.deductProductStock("O1");
        service.deductProductStock("O1");
        service.cancelOrderReleaseProductStock(releaseRequest("O1"));

        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 97, 0, 3));
    }

    @Test
    void deductRefusesAnOrderWithoutLockedStock() {
        service.lockProductStock(lockRequest("O1", item("SKU-1001", 3)));
        service.cancelOrderReleaseProductStock(releaseRequest("O1"));

        assertRefused(() -> service.deductProductStock("O1"), ErrorCode.PRODUCT_STOCK_NOT_FOUND);
        assertRefused(() -> service.deductProductStock("O-UNKNOWN"), ErrorCode.PRODUCT_STOCK_NOT_FOUND);
        assertRefused(() -> service.deductProductStock(" "), ErrorCode.PARAM_INVALID);
        assertThat(db.get("SKU-1001")).isEqualTo(stock("SKU-1001", 100, 0, 0));
    }

    @Test
    void getProductStock() {
        assertThat(service.getProductStock("SKU-LIMITED").getSaleStockQuantity()).isEqualTo(5);
        assertRefused(() -> service.getProductStock("SKU-NONE"), ErrorCode.PRODUCT_STOCK_NOT_FOUND);
        assertRefused(() -> service.getProductStock(null), ErrorCode.PARAM_INVALID);
    }

    private static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    private static ProductStock stock(String sku, int sale, int locked, int saled) {
        return new ProductStock(sku, "product " + sku, sale, locked, saled);
    }

    private static StockItemRequest item(String sku, int quantity) {
        StockItemRequest item = new StockItemRequest();
        item.setSkuCode(sku);
        item.setSaleQuantity(quantity);
        return item;
    }

    private static LockProductStockRequest lockRequest(String orderId, StockItemRequest... items) {
        LockProductStockRequest request = new LockProductStockRequest();
        request.setOrderId(orderId);
        request.setOrderItemRequestList(new ArrayList<>(Arrays.asList(items)));
        return request;
    }

    private static CancelOrderReleaseProductStockRequest releaseRequest(String orderId, StockItemRequest... items) {
        CancelOrderReleaseProductStockRequest request = new CancelOrderReleaseProductStockRequest();
        request.setOrderId(orderId);
        request.setOrderItemRequestList(Arrays.asList(items));
        return request;
    }
}
