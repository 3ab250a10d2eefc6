package com.eshop.tms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.tms.LogisticOrderDTO;
import com.eshop.tms.domain.LogisticOrder;
import com.eshop.tms.domain.LogisticOrderStatus;
import org.junit.jupiter.api.Test;

import static com.eshop.support.error.Refusals.assertRefused;
import static com.eshop.tms.application.TmsFixture.sendOut;
import static org.assertj.core.api.Assertions.assertThat;

class CancelSendOutServiceTest {
    private final InMemoryLogisticOrderRepository repository = new InMemoryLogisticOrderRepository();
    private final CancelSendOutService service = new CancelSendOutService(repository);
    private final LogisticOrderQueryService queryService = new LogisticOrderQueryService(repository);

    @Test
    void cancelMarksTheLogisticOrderCancelledKeepsItAndIsIdempotent() {
        LogisticOrderDTO sent = new SendOutService(repository).sendOut(sendOut("O1"));

        assertThat(service.cancelSendOut("O1")).isTrue();
        assertThat(service.cancelSendOut("O1")).isTrue();
        assertThat(service.cancelSendOut("NEVER-SHIPPED")).isTrue();

        // the row stays (and under Seata keeps its global lock): one conditional status change, CREATED -> CANCELLED
        assertThat(repository.statusUpdates).containsExactly(sent.getLogisticOrderId() + ":CREATED->CANCELLED");
        assertThat(repository.rows).containsOnlyKeys("O1");
        LogisticOrderDTO cancelled = queryService.getLogisticOrder("O1");
        assertThat(cancelled.getLogisticOrderId()).isEqualTo(sent.getLogisticOrderId());
        assertThat(cancelled.getStatus()).isEqualTo(LogisticOrderStatus.CANCELLED.code()).isEqualTo(90);
        assertThat(queryService.getLogisticOrder("NEVER-SHIPPED")).isNull();
    }

    @Test
    void cancelIsRefusedOnceTheParcelIsInTransit() {
        repository.rows.put("O1", new LogisticOrder("LO1", "O1", "F1", "U1001", LogisticOrderStatus.IN_TRANSIT));

        assertRefused(() -> service.cancelSendOut("O1"), ErrorCode.LOGISTIC_ORDER_ALREADY_SHIPPED);
        assertThat(queryService.getLogisticOrder("O1").getStatus()).isEqualTo(LogisticOrderStatus.IN_TRANSIT.code());
        assertThat(repository.statusUpdates).isEmpty();
    }

    @Test
    void anInvalidOrderIdIsRefusedBeforeAnythingChanges() {
        assertRefused(() -> service.cancelSendOut(null), ErrorCode.PARAM_INVALID);
        assertThat(repository.statusUpdates).isEmpty();
    }
}
