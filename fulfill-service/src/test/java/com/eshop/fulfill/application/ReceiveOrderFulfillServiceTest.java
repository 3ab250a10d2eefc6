package com.eshop.fulfill.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.fulfill.FulfillItemRequest;
import com.eshop.common.api.fulfill.FulfillOrderDTO;
import com.eshop.common.api.fulfill.ReceiveFulfillRequest;
import com.eshop.fulfill.domain.FulfillOrderStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.eshop.fulfill.application.FulfillFixture.cancel;
import static com.eshop.fulfill.application.FulfillFixture.item;
import static com.eshop.fulfill.application.FulfillFixture.noFaults;
import static com.eshop.fulfill.application.FulfillFixture.receive;
import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class ReceiveOrderFulfillServiceTest {
    private final InMemoryFulfillOrderRepository repository = new InMemoryFulfillOrderRepository();
    private final RecordingGateways gateways = new RecordingGateways();
    private final ReceiveOrderFulfillService service = new ReceiveOrderFulfillService(repository, gateways.wms, gateways.tms);

    @Test
    void receiveCreatesTheFulfillOrderThenPickingThenShippingOnce() {
        FulfillOrderDTO first = service.receiveOrderFulfill(receive("O1", item("SKU-1001", 2), item("SKU-1002", 1)));
        FulfillOrderDTO again = service.receiveOrderFulfill(receive("O1", item("SKU-1001", 2), item("SKU-1002", 1)));

        assertThat(again.getFulfillId()).isEqualTo(first.getFulfillId());
        assertThat(first.getItemCount()).isEqualTo(2);
        assertThat(gateways.remoteCalls).containsExactly("wms.pickGoods:O1:2", "tms.sendOut:O1:U1001");
        assertThat(new FulfillOrderQueryService(repository).getFulfillOrder("O1").getFulfillId())
                .isEqualTo(first.getFulfillId());
    }

    @Test
    void receiveAfterCancelReturnsTheCancelledFulfillOrderAsItIsAndCreatesNothing() {
        FulfillOrderDTO received = service.receiveOrderFulfill(receive("O1", item("SKU-1001", 2)));
        new CancelFulfillService(repository, gateways.wms, gateways.tms, noFaults()).cancelFulfill(cancel("O1"));
        gateways.remoteCalls.clear();
        repository.statusUpdates.clear();

        FulfillOrderDTO again = service.receiveOrderFulfill(receive("O1", item("SKU-1001", 2), item("SKU-1002", 1)));

        assertThat(again.getFulfillId()).isEqualTo(received.getFulfillId());
        assertThat(again.getStatus()).isEqualTo(FulfillOrderStatus.CANCELLED.code());
        assertThat(again.getItemCount()).isEqualTo(1);
        assertThat(repository.orders).hasSize(1);
        assertThat(repository.orders.get("O1").status()).isEqualTo(FulfillOrderStatus.CANCELLED);
        assertThat(repository.items).containsOnlyKeys(received.getFulfillId());
        assertThat(repository.statusUpdates).isEmpty();
        assertThat(gateways.remoteCalls).as("no picking or shipping for an intercepted fulfillment").isEmpty();
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingChanges() {
        ReceiveFulfillRequest noUser = receive("O1", item("SKU-1001", 1));
        noUser.setUserId(null);
        ReceiveFulfillRequest noAmount = receive("O1", item("SKU-1001", 1));
        noAmount.setPayAmount(0);
        FulfillItemRequest noPrice = item("SKU-1001", 1);
        noPrice.setSalePrice(null);
        FulfillItemRequest longName = item("SKU-1001", 1);
        longName.setProductName("n".repeat(129));
        List<Runnable> invalid = List.of(
                () -> service.receiveOrderFulfill(null),
                () -> service.receiveOrderFulfill(receive("O1")),
                () -> service.receiveOrderFulfill(receive("O 1", item("SKU-1001", 1))),
                () -> service.receiveOrderFulfill(noUser),
                () -> service.receiveOrderFulfill(noAmount),
                () -> service.receiveOrderFulfill(receive("O1", item("SKU-1001", 0))),
                () -> service.receiveOrderFulfill(receive("O1", noPrice)),
                () -> service.receiveOrderFulfill(receive("O1", longName)));
        for (Runnable call : invalid) {
            assertRefused(call::run, ErrorCode.PARAM_INVALID);
        }
        assertThat(repository.orders).isEmpty();
        assertThat(gateways.remoteCalls).isEmpty();
    }
}
