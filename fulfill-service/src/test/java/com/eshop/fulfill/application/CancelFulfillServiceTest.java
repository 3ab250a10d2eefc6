package com.eshop.fulfill.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.fulfill.FulfillOrderDTO;
import com.eshop.fulfill.domain.FulfillOrder;
import com.eshop.fulfill.domain.FulfillOrderItem;
import com.eshop.fulfill.domain.FulfillOrderRepository;
import com.eshop.fulfill.domain.FulfillOrderStatus;
import com.eshop.support.error.BizException;
import com.eshop.support.fault.FaultSwitches;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.eshop.fulfill.application.FulfillFixture.cancel;
import static com.eshop.fulfill.application.FulfillFixture.item;
import static com.eshop.fulfill.application.FulfillFixture.noFaults;
import static com.eshop.fulfill.application.FulfillFixture.receive;
import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CancelFulfillServiceTest {
    private final InMemoryFulfillOrderRepository repository = new InMemoryFulfillOrderRepository();
    private final RecordingGateways gateways = new RecordingGateways();
    private final ReceiveOrderFulfillService receiveService = new ReceiveOrderFulfillService(repository, gateways.wms, gateways.tms);

    private CancelFulfillService service(InterceptionFaults faults) {
        return new CancelFulfillService(repository, gateways.wms, gateways.tms, faults);
    }

    private final CancelFulfillService service = service(noFaults());

    @Test
    void cancelMarksTheFulfillOrderCancelledAndKeepsItThenCancelsPickingThenShipping() {
        FulfillOrderDTO received = receiveService.receiveOrderFulfill(receive("O1", item("SKU-1001", 2), item("SKU-1002", 1)));
        gateways.remoteCalls.clear();

        assertThat(service.cancelFulfill(cancel("O1"))).isTrue();

        // the row stays (and under Seata keeps its global lock): only its status changed, with CREATED as condition
        assertThat(repository.orders).containsOnlyKeys("O1");
        assertThat(repository.orders.get("O1").status()).isEqualTo(FulfillOrderStatus.CANCELLED);
        assertThat(repository.statusUpdates).containsExactly(received.getFulfillId() + ":CREATED->CANCELLED");
        assertThat(repository.items.get(received.getFulfillId())).hasSize(2);
        FulfillOrderDTO cancelled = new FulfillOrderQueryService(repository).getFulfillOrder("O1");
        assertThat(cancelled.getFulfillId()).isEqualTo(received.getFulfillId());
        assertThat(cancelled.getStatus()).isEqualTo(FulfillOrderStatus.CANCELLED.code()).isEqualTo(90);
        assertThat(cancelled.getItemCount()).isEqualTo(2);
        assertThat(gateways.remoteCalls).containsExactly("wms.cancelPickGoods:O1", "tms.cancelSendOut:O1");
    }

    @Test
    void cancellingTwiceIsAnIdempotentSuccessThatChangesTheRowOnce() {
        FulfillOrderDTO received = receiveService.receiveOrderFulfill(receive("O1", item("SKU-1001", 2)));
        gateways.remoteCalls.clear();

        assertThat(service.cancelFulfill(cancel("O1"))).isTrue();
        assertThat(service.cancelFulfill(cancel("O1"))).isTrue();

        assertThat(repository.statusUpdates).containsExactly(received.getFulfillId() + ":CREATED->CANCELLED");
        assertThat(repository.orders.get("O1").status()).isEqualTo(FulfillOrderStatus.CANCELLED);
        assertThat(repository.items.get(received.getFulfillId())).hasSize(1);
        // WMS and TMS are asked again each time: they are idempotent too, and may be the part a failed attempt missed
        assertThat(gateways.remoteCalls).containsExactly("wms.cancelPickGoods:O1", "tms.cancelSendOut:O1",
                "wms.cancelPickGoods:O1", "tms.cancelSendOut:O1");
    }

    @Test
    void aFulfillOrderThatChangedWhileLockedFailsTheInterceptionBeforeWmsAndTms() {
        repository.orders.put("O1", new FulfillOrder("FO1", "O1", "U1001", 900, FulfillOrderStatus.CREATED));
        CancelFulfillService racing = new CancelFulfillService(new DelegatingRepository(repository) {
            @Override
            public boolean markCancelled(String fulfillId, FulfillOrderStatus from) {
                return false; // the conditional UPDATE matched no row
            }
        }, gateways.wms, gateways.tms, noFaults());

        assertRefused(() -> racing.cancelFulfill(cancel("O1")), ErrorCode.SYSTEM_ERROR);
        assertThat(gateways.remoteCalls).isEmpty();
    }

    @Test
    void cancelOfAnUnfulfilledOrderIsASuccess() {
        assertThat(service.cancelFulfill(cancel("O-UNPAID"))).isTrue();
        assertThat(service.cancelFulfill(cancel("O-UNPAID"))).isTrue();
    }

    @Test
    void refusalsOfWmsAndTmsSurfaceWithTheirErrorCodes() {
        gateways.wmsRefusal = ErrorCode.DELIVERY_ORDER_ALREADY_OUT_STOCK;
        assertRefused(() -> service.cancelFulfill(cancel("O1")), ErrorCode.DELIVERY_ORDER_ALREADY_OUT_STOCK);
        assertThat(gateways.remoteCalls).containsExactly("wms.cancelPickGoods:O1");

        gateways.wmsRefusal = null;
        gateways.tmsRefusal = ErrorCode.LOGISTIC_ORDER_ALREADY_SHIPPED;
        assertRefused(() -> service.cancelFulfill(cancel("O1")), ErrorCode.LOGISTIC_ORDER_ALREADY_SHIPPED);
    }

    @Test
    void injectedInterceptionFailureComesAfterTheWmsCancellationAndBeforeTms() {
        receiveService.receiveOrderFulfill(receive("O1", item("SKU-1001", 2)));
        gateways.remoteCalls.clear();
        CancelFulfillService failing = service(new InterceptionFaults(new FaultSwitches(true, Map.of()), 1.0));

        assertThatThrownBy(() -> failing.cancelFulfill(cancel("O1"))).isInstanceOfSatisfying(BizException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(ErrorCode.SYSTEM_ERROR);
            assertThat(e.getMessage()).isEqualTo("injected interception failure");
        });
        // the local cancellation and the WMS call happened: only the global rollback can undo them
        assertThat(repository.orders.get("O1").status()).isEqualTo(FulfillOrderStatus.CANCELLED);
        assertThat(gateways.remoteCalls).containsExactly("wms.cancelPickGoods:O1");
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingChanges() {
        assertRefused(() -> service.cancelFulfill(null), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.cancelFulfill(cancel(null)), ErrorCode.PARAM_INVALID);
        assertThat(repository.orders).isEmpty();
        assertThat(gateways.remoteCalls).isEmpty();
    }

    /** Forwards to another repository; override what a test needs to differ. */
    private static class DelegatingRepository implements FulfillOrderRepository {
        private final FulfillOrderRepository delegate;

        DelegatingRepository(FulfillOrderRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<FulfillOrder> findByOrderId(String orderId) {
            return delegate.findByOrderId(orderId);
        }

        @Override
        public Optional<FulfillOrder> lockByOrderId(String orderId) {
            return delegate.lockByOrderId(orderId);
        }

        @Override
        public boolean insert(FulfillOrder fulfillOrder, List<FulfillOrderItem> lines) {
            return delegate.insert(fulfillOrder, lines);
        }

        @Override
        public int countItems(String fulfillId) {
            return delegate.countItems(fulfillId);
        }

        @Override
        public boolean markCancelled(String fulfillId, FulfillOrderStatus from) {
            return delegate.markCancelled(fulfillId, from);
        }
    }
}
