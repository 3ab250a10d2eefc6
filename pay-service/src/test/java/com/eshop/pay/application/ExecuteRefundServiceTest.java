package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.pay.domain.PayCapture;
import com.eshop.pay.domain.PayRefund;
import com.eshop.support.fault.FaultSwitches;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.eshop.pay.application.PayRequests.refund;
import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class ExecuteRefundServiceTest {
    private final PayFixture db = new PayFixture();
    private final List<PayRefund> refunds = db.refunds;
    private final List<PayCapture> captures = db.captures;
    private final List<String> notified = Collections.synchronizedList(new ArrayList<>());

    private ExecuteRefundService service(RefundGatewayFaults faults) {
        return new ExecuteRefundService(db.refundRepository, db.refundLedger(), faults,
                refund -> notified.add(refund.refundRequestId()));
    }

    private final ExecuteRefundService service = service(new RefundGatewayFaults(FaultSwitches.disabled(), 0, Duration.ZERO));

    @BeforeEach
    void orderO1WasPaid900WithTradeT1() {
        captures.add(new PayCapture("T1", "O1", 10, 900));
    }

    @Test
    void aRefundWithoutACaptureOfThatOrderAndTradeIsRefused() {
        assertRefused(() -> service.executeRefund(refund("R1", "O-NEVER-PAID", 900)), ErrorCode.PAY_CAPTURE_NOT_FOUND);
        PayRefundRequest otherPayType = refund("R2", "O1", 900);
        otherPayType.setPayType(20);
        assertRefused(() -> service.executeRefund(otherPayType), ErrorCode.PAY_CAPTURE_NOT_FOUND);
        PayRefundRequest noTrade = refund("R3", "O1", 900);
        noTrade.setOutTradeNo(null);
        assertRefused(() -> service.executeRefund(noTrade), ErrorCode.PARAM_INVALID);
        assertThat(refunds).isEmpty();
    }

    @Test
    void refundsOfATradeNeverExceedItsCapture() {
        assertThat(service.executeRefund(refund("R1", "O1", 500))).isTrue();
        assertThat(service.executeRefund(refund("R2", "O1", 400))).isTrue();

        assertRefused(() -> service.executeRefund(refund("R3", "O1", 1)), ErrorCode.PAY_REFUND_EXCEEDS_CAPTURE);
        assertThat(refunds).extracting(PayRefund::refundRequestId).containsExactly("R1", "R2");
        assertThat(service.executeRefund(refund("R1", "O1", 500))).as("a replay is still answered").isTrue();
    }

    @Test
    void refundRequestIdsDerivedFromTheLongestOrderIdsAreAccepted() {
        String longest = "R".repeat(PayRefundRequest.MAX_REFUND_REQUEST_ID_LENGTH);
        assertThat(service.executeRefund(refund(longest, "O1", 900))).isTrue();

        assertRefused(() -> service.executeRefund(refund(longest + "X", "O1", 900)), ErrorCode.PARAM_INVALID);
        assertThat(refunds).hasSize(1);
    }

    /** docs/design.md defect 9: a redelivered refund must not refund twice. */
    @Test
    void repeatedRefundRequestRefundsOnce() {
        assertThat(service.executeRefund(refund("R1", "O1", 900))).isTrue();
        assertThat(service.executeRefund(refund("R1", "O1", 900))).isTrue();

        assertThat(new PayRefundQueryService(db.refundRepository).listRefunds("O1")).singleElement()
                .satisfies(r -> assertThat(r.getRefundAmount()).isEqualTo(900));
        assertThat(notified).as("a repeat notifies again: a lost notification is re-sent").containsExactly("R1", "R1");
    }

    @Test
    void aRefusedRefundNotifiesNothing() {
        assertRefused(() -> service.executeRefund(refund("R1", "O-NEVER-PAID", 900)), ErrorCode.PAY_CAPTURE_NOT_FOUND);
        assertThat(notified).isEmpty();
    }

    @Test
    void concurrentDuplicateRefundsRefundOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return service.executeRefund(refund("R1", "O1", 900));
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refunds).hasSize(1);
    }

    @Test
    void reusedRefundRequestIdWithOtherContentConflicts() {
        service.executeRefund(refund("R1", "O1", 900));

        assertRefused(() -> service.executeRefund(refund("R1", "O1", 800)), ErrorCode.PAY_REFUND_CONFLICT);
        assertRefused(() -> service.executeRefund(refund("R1", "O2", 900)), ErrorCode.PAY_REFUND_CONFLICT);
        assertThat(refunds).hasSize(1);
    }

    @Test
    void invalidRefundIsRefusedBeforeAnythingIsWritten() {
        assertRefused(() -> service.executeRefund(refund(null, "O1", 900)), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.executeRefund(refund("R1", "O1", 0)), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.executeRefund(refund("R1", "O1", null)), ErrorCode.PARAM_INVALID);
        PayRefundRequest badType = refund("R1", "O1", 900);
        badType.setPayType(30);
        assertRefused(() -> service.executeRefund(badType), ErrorCode.PARAM_INVALID);
        assertThat(refunds).isEmpty();
    }

    @Test
    void injectedGatewayFailureWritesNothingAndALaterRetrySucceeds() {
        ExecuteRefundService failing = service(new RefundGatewayFaults(new FaultSwitches(true, Map.of()), 1.0, Duration.ZERO));

        assertRefused(() -> failing.executeRefund(refund("R1", "O1", 900)), ErrorCode.PAY_GATEWAY_UNAVAILABLE);
        assertThat(refunds).isEmpty();

        assertThat(service.executeRefund(refund("R1", "O1", 900))).isTrue();
        assertThat(refunds).hasSize(1);
    }
}
