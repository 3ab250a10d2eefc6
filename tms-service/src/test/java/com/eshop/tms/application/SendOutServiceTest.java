package com.eshop.tms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.tms.LogisticOrderDTO;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.tms.domain.LogisticOrderStatus;
import org.junit.jupiter.api.Test;

import static com.eshop.support.error.Refusals.assertRefused;
import static com.eshop.tms.application.TmsFixture.sendOut;
import static org.assertj.core.api.Assertions.assertThat;

class SendOutServiceTest {
    private final InMemoryLogisticOrderRepository repository = new InMemoryLogisticOrderRepository();
    private final SendOutService service = new SendOutService(repository);

    @Test
    void sendOutCreatesOneLogisticOrderPerOrder() {
        LogisticOrderDTO first = service.sendOut(sendOut("O1"));
        LogisticOrderDTO again = service.sendOut(sendOut("O1"));

        assertThat(again.getLogisticOrderId()).isEqualTo(first.getLogisticOrderId());
        assertThat(first.getStatus()).isEqualTo(LogisticOrderStatus.CREATED.code());
        assertThat(repository.rows).hasSize(1);
    }

    @Test
    void sendOutAgainAfterCancelReturnsTheCancelledLogisticOrderAndCreatesNothing() {
        LogisticOrderDTO sent = service.sendOut(sendOut("O1"));
        new CancelSendOutService(repository).cancelSendOut("O1");

        LogisticOrderDTO again = service.sendOut(sendOut("O1"));

        assertThat(again.getLogisticOrderId()).isEqualTo(sent.getLogisticOrderId());
        assertThat(again.getStatus()).isEqualTo(LogisticOrderStatus.CANCELLED.code());
        assertThat(repository.rows).hasSize(1);
        assertThat(repository.rows.get("O1").status()).isEqualTo(LogisticOrderStatus.CANCELLED);
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingChanges() {
        SendOutRequest noFulfill = sendOut("O1");
        noFulfill.setFulfillId(null);
        SendOutRequest badUser = sendOut("O1");
        badUser.setUserId("U 1");

        assertRefused(() -> service.sendOut(null), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.sendOut(sendOut("")), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.sendOut(noFulfill), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.sendOut(badUser), ErrorCode.PARAM_INVALID);
        assertThat(repository.rows).isEmpty();
    }
}
