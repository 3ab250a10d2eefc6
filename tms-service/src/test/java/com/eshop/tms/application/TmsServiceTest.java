package com.eshop.tms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.tms.LogisticOrderDTO;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.support.error.BizException;
import com.eshop.tms.domain.LogisticOrder;
import com.eshop.tms.domain.LogisticOrderRepository;
import com.eshop.tms.domain.LogisticOrderStatus;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TmsServiceTest {
    /** logistic_order in memory, keyed by the unique order_id. */
    private final Map<String, LogisticOrder> rows = new LinkedHashMap<>();
    private final LogisticOrderRepository repository = new LogisticOrderRepository() {
        @Override
        public Optional<LogisticOrder> findByOrderId(String orderId) {
            return Optional.ofNullable(rows.get(orderId));
        }

        @Override
        public Optional<LogisticOrder> lockByOrderId(String orderId) {
            return findByOrderId(orderId);
        }

        @Override
        public boolean insert(LogisticOrder logisticOrder) {
            return rows.putIfAbsent(logisticOrder.orderId(), logisticOrder) == null;
        }

        @Override
        public void deleteByLogisticOrderId(String logisticOrderId) {
            rows.values().removeIf(r -> r.logisticOrderId().equals(logisticOrderId));
        }
    };
    private final TmsService service = new TmsService(repository);

    @Test
    void sendOutCreatesOneLogisticOrderPerOrder() {
        LogisticOrderDTO first = service.sendOut(sendOut("O1"));
        LogisticOrderDTO again = service.sendOut(sendOut("O1"));

        assertThat(again.getLogisticOrderId()).isEqualTo(first.getLogisticOrderId());
        assertThat(first.getStatus()).isEqualTo(LogisticOrderStatus.CREATED.code());
        assertThat(rows).hasSize(1);
    }

    @Test
    void cancelRemovesTheLogisticOrderAndIsIdempotent() {
        service.sendOut(sendOut("O1"));

        assertThat(service.cancelSendOut("O1")).isTrue();
        assertThat(service.cancelSendOut("O1")).isTrue();
        assertThat(service.cancelSendOut("NEVER-SHIPPED")).isTrue();

        assertThat(service.getLogisticOrder("O1")).isNull();
    }

    @Test
    void cancelIsRefusedOnceTheParcelIsInTransit() {
        rows.put("O1", new LogisticOrder("LO1", "O1", "F1", "U1001", LogisticOrderStatus.IN_TRANSIT));

        assertRefused(() -> service.cancelSendOut("O1"), ErrorCode.LOGISTIC_ORDER_ALREADY_SHIPPED);
        assertThat(service.getLogisticOrder("O1").getStatus()).isEqualTo(LogisticOrderStatus.IN_TRANSIT.code());
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
        assertRefused(() -> service.cancelSendOut(null), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.getLogisticOrder("O;1"), ErrorCode.PARAM_INVALID);
        assertThat(rows).isEmpty();
    }

    private static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    private static SendOutRequest sendOut(String orderId) {
        SendOutRequest request = new SendOutRequest();
        request.setOrderId(orderId);
        request.setFulfillId("F1");
        request.setUserId("U1001");
        return request;
    }
}
