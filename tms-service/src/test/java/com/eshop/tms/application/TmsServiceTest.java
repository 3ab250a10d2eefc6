package com.eshop.tms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.tms.LogisticOrderDTO;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.support.error.BizException;
import com.eshop.tms.domain.LogisticOrder;
import com.eshop.tms.domain.LogisticOrderRepository;
import com.eshop.tms.domain.LogisticOrderStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TmsServiceTest {
    /** logistic_order in memory, keyed by the unique order_id. */
    private final Map<String, LogisticOrder> rows = new LinkedHashMap<>();
    private final List<String> statusUpdates = new ArrayList<>();
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

        /** UPDATE ... SET status = CANCELLED WHERE logistic_order_id = ? AND status = CREATED */
        @Override
        public boolean markCancelled(String logisticOrderId) {
            statusUpdates.add(logisticOrderId + ":CREATED->CANCELLED");
            for (LogisticOrder r : rows.values()) {
                if (r.logisticOrderId().equals(logisticOrderId) && r.status() == LogisticOrderStatus.CREATED) {
                    rows.put(r.orderId(), new LogisticOrder(r.logisticOrderId(), r.orderId(), r.fulfillId(), r.userId(),
                            LogisticOrderStatus.CANCELLED));
                    return true;
                }
            }
            return false;
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
    void cancelMarksTheLogisticOrderCancelledKeepsItAndIsIdempotent() {
        LogisticOrderDTO sent = service.sendOut(sendOut("O1"));

        assertThat(service.cancelSendOut("O1")).isTrue();
        assertThat(service.cancelSendOut("O1")).isTrue();
        assertThat(service.cancelSendOut("NEVER-SHIPPED")).isTrue();

        // the row stays (and under Seata keeps its global lock): one conditional status change, CREATED -> CANCELLED
        assertThat(statusUpdates).containsExactly(sent.getLogisticOrderId() + ":CREATED->CANCELLED");
        assertThat(rows).containsOnlyKeys("O1");
        LogisticOrderDTO cancelled = service.getLogisticOrder("O1");
        assertThat(cancelled.getLogisticOrderId()).isEqualTo(sent.getLogisticOrderId());
        assertThat(cancelled.getStatus()).isEqualTo(LogisticOrderStatus.CANCELLED.code()).isEqualTo(90);
        assertThat(service.getLogisticOrder("NEVER-SHIPPED")).isNull();
    }

    @Test
    void sendOutAgainAfterCancelReturnsTheCancelledLogisticOrderAndCreatesNothing() {
        LogisticOrderDTO sent = service.sendOut(sendOut("O1"));
        service.cancelSendOut("O1");

        LogisticOrderDTO again = service.sendOut(sendOut("O1"));

        assertThat(again.getLogisticOrderId()).isEqualTo(sent.getLogisticOrderId());
        assertThat(again.getStatus()).isEqualTo(LogisticOrderStatus.CANCELLED.code());
        assertThat(rows).hasSize(1);
        assertThat(rows.get("O1").status()).isEqualTo(LogisticOrderStatus.CANCELLED);
    }

    @Test
    void cancelIsRefusedOnceTheParcelIsInTransit() {
        rows.put("O1", new LogisticOrder("LO1", "O1", "F1", "U1001", LogisticOrderStatus.IN_TRANSIT));

        assertRefused(() -> service.cancelSendOut("O1"), ErrorCode.LOGISTIC_ORDER_ALREADY_SHIPPED);
        assertThat(service.getLogisticOrder("O1").getStatus()).isEqualTo(LogisticOrderStatus.IN_TRANSIT.code());
        assertThat(statusUpdates).isEmpty();
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
