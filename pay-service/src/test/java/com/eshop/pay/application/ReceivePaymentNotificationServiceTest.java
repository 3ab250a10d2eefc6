package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.pay.GatewayPaymentNotification;
import com.eshop.pay.domain.PayCapture;
import com.eshop.pay.domain.PayTransaction;
import com.eshop.pay.domain.PayTransactionStatus;
import com.eshop.support.error.BizException;
import com.eshop.support.json.Json;
import com.eshop.common.api.pay.GatewaySignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceivePaymentNotificationServiceTest {
    private static final KeyPair GATEWAY = GatewaySignature.newKeyPair();
    private static final KeyPair ATTACKER = GatewaySignature.newKeyPair();
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final PayFixture db = new PayFixture();
    private final List<String> callbacks = new ArrayList<>();
    private final ReceivePaymentNotificationService service = new ReceivePaymentNotificationService(verifier(),
            db.transactionRepository, new CaptureLedger(db.captureRepository, db.transactionRepository),
            (orderId, payType, outTradeNo, payAmount) -> callbacks.add(orderId + "/" + payType + "/" + outTradeNo + "/" + payAmount));

    @BeforeEach
    void orderO1OpenedTradeT1ForWeChatPayOf900AndO2TradeT2() {
        db.transactions.add(new PayTransaction("T1", "O1", "U1", 10, 900, PayTransactionStatus.WAITING.code()));
        db.transactions.add(new PayTransaction("T2", "O2", "U2", 10, 500, PayTransactionStatus.WAITING.code()));
    }

    @Test
    void aSignedMatchingNotificationCapturesMarksTheTradePaidAndOnlyThenCallsTheOrder() {
        service.receive(signed(GATEWAY, NOW, notification("T1", "O1", 10, 900)));

        assertThat(db.captures).containsExactly(new PayCapture("T1", "O1", 10, 900));
        assertThat(db.transactionRepository.findByOutTradeNo("T1")).get().extracting(PayTransaction::status)
                .isEqualTo(PayTransactionStatus.PAID.code());
        assertThat(callbacks).containsExactly("O1/10/T1/900");
    }

    @Test
    void aReDeliveryCapturesOnceAndCallsTheOrderAgain() {
        service.receive(signed(GATEWAY, NOW, notification("T1", "O1", 10, 900)));
        service.receive(signed(GATEWAY, NOW.plusSeconds(30), notification("T1", "O1", 10, 900)));

        assertThat(db.captures).hasSize(1);
        assertThat(callbacks).containsExactly("O1/10/T1/900", "O1/10/T1/900");
    }

    @Test
    void aCallbackThatFailsLeavesTheCaptureForTheGatewaysNextDelivery() {
        ReceivePaymentNotificationService orderDown = new ReceivePaymentNotificationService(verifier(), db.transactionRepository,
                new CaptureLedger(db.captureRepository, db.transactionRepository), (orderId, payType, outTradeNo, payAmount) -> {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "order-service unreachable");
        });

        assertRefused(() -> orderDown.receive(signed(GATEWAY, NOW, notification("T1", "O1", 10, 900))), ErrorCode.SYSTEM_ERROR);
        service.receive(signed(GATEWAY, NOW.plusSeconds(15), notification("T1", "O1", 10, 900)));

        assertThat(db.captures).hasSize(1);
        assertThat(callbacks).containsExactly("O1/10/T1/900");
    }

    @Test
    void notificationsTheGatewayDidNotSignRecentlyChangeNothing() {
        String body = notification("T1", "O1", 10, 900);
        SignedNotification genuine = signed(GATEWAY, NOW, body);

        assertRefused(() -> service.receive(signed(ATTACKER, NOW, body)), ErrorCode.PAY_NOTIFICATION_SIGNATURE_INVALID);
        assertRefused(() -> service.receive(new SignedNotification(genuine.timestamp(), genuine.nonce(), genuine.signature(),
                notification("T1", "O1", 10, 90000))), ErrorCode.PAY_NOTIFICATION_SIGNATURE_INVALID);
        assertRefused(() -> service.receive(new SignedNotification(null, null, null, body)), ErrorCode.PAY_NOTIFICATION_SIGNATURE_INVALID);
        assertRefused(() -> service.receive(new SignedNotification("-1", "n", genuine.signature(), body)),
                ErrorCode.PAY_NOTIFICATION_SIGNATURE_INVALID);
        assertRefused(() -> service.receive(signed(GATEWAY, NOW.minus(Duration.ofMinutes(6)), body)), ErrorCode.PAY_NOTIFICATION_EXPIRED);
        assertRefused(() -> service.receive(signed(GATEWAY, NOW.plus(Duration.ofMinutes(6)), body)), ErrorCode.PAY_NOTIFICATION_EXPIRED);
        assertNothingChanged();
    }

    @Test
    void signedNotificationsThatDoNotMatchTheTradePayServiceOpenedChangeNothing() {
        assertRefused(() -> service.receive(signed(GATEWAY, NOW, notification("T-NEVER-ISSUED", "O1", 10, 900))),
                ErrorCode.PAY_TRANSACTION_NOT_FOUND);
        assertRefused(() -> service.receive(signed(GATEWAY, NOW, notification("T1", "O2", 10, 900))), ErrorCode.PAY_NOTIFICATION_MISMATCH);
        assertRefused(() -> service.receive(signed(GATEWAY, NOW, notification("T1", "O1", 20, 900))), ErrorCode.PAY_NOTIFICATION_MISMATCH);
        assertRefused(() -> service.receive(signed(GATEWAY, NOW, notification("T1", "O1", 10, 899))), ErrorCode.PAY_NOTIFICATION_MISMATCH);
        assertRefused(() -> service.receive(signed(GATEWAY, NOW, notification("T1", "O1", 10, 901))), ErrorCode.PAY_NOTIFICATION_MISMATCH);
        assertRefused(() -> service.receive(signed(GATEWAY, NOW, "not json")), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.receive(signed(GATEWAY, NOW, notification("T1", "O1", 10, 900).replace("SUCCESS", "CLOSED"))),
                ErrorCode.PARAM_INVALID);
        assertNothingChanged();
    }

    @Test
    void pay_serviceDoesNotStartWithoutTheGatewaysKey() {
        assertThatThrownBy(() -> new GatewayNotificationVerifier(new PayGatewayProperties()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("eshop.pay.gateway.public-key");
    }

    private void assertNothingChanged() {
        assertThat(db.captures).isEmpty();
        assertThat(db.transactions).allMatch(t -> t.status() == PayTransactionStatus.WAITING.code());
        assertThat(callbacks).isEmpty();
    }

    private static GatewayNotificationVerifier verifier() {
        PayGatewayProperties properties = new PayGatewayProperties();
        properties.setPublicKey(GatewaySignature.encode(GATEWAY.getPublic()));
        return new GatewayNotificationVerifier(properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String notification(String outTradeNo, String orderId, int payType, int amount) {
        GatewayPaymentNotification notification = new GatewayPaymentNotification();
        notification.setNotificationId("N-" + outTradeNo);
        notification.setOutTradeNo(outTradeNo);
        notification.setOrderId(orderId);
        notification.setPayType(payType);
        notification.setPayAmount(amount);
        notification.setTradeState(GatewayPaymentNotification.TRADE_SUCCESS);
        notification.setSuccessTime(NOW.toEpochMilli());
        return Json.toJson(notification);
    }

    private static SignedNotification signed(KeyPair key, Instant at, String body) {
        String timestamp = String.valueOf(at.getEpochSecond());
        return new SignedNotification(timestamp, "nonce-1", GatewaySignature.sign(key.getPrivate(), timestamp, "nonce-1", body), body);
    }
}
