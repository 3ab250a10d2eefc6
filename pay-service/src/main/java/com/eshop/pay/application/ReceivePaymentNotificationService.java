package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.pay.GatewayPaymentNotification;
import com.eshop.pay.domain.PayTransaction;
import com.eshop.pay.domain.PayTransactionRepository;
import com.eshop.pay.domain.PaymentNotification;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.json.Json;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

/**
 * The payment gateway's notification that it took a payment: the only way money comes into the suite. Nothing
 * changes unless the gateway signed the notification recently and it matches, in order, pay type and amount, a
 * transaction pay-service's pre-pay opened. Then the capture is booked (the ceiling of every refund of the trade),
 * the transaction is PAID, and only then is order-service's pay callback called. A re-delivery repeats the callback,
 * which is idempotent, so a callback lost to a crash or a timeout is made by the gateway's next delivery.
 */
@Slf4j
@Service
public class ReceivePaymentNotificationService {
    private final GatewayNotificationVerifier verifier;
    private final PayTransactionRepository transactionRepository;
    private final CaptureLedger captureLedger;
    private final OrderPaymentGateway orderGateway;

    public ReceivePaymentNotificationService(GatewayNotificationVerifier verifier, PayTransactionRepository transactionRepository,
                                             CaptureLedger captureLedger, OrderPaymentGateway orderGateway) {
        this.verifier = verifier;
        this.transactionRepository = transactionRepository;
        this.captureLedger = captureLedger;
        this.orderGateway = orderGateway;
    }

    public void receive(SignedNotification signed) {
        verifier.verify(signed);
        PaymentNotification notification = parse(signed.body());
        PayTransaction transaction = transactionRepository.findByOutTradeNo(notification.outTradeNo())
                .orElseThrow(() -> new BizException(ErrorCode.PAY_TRANSACTION_NOT_FOUND,
                        "trade " + notification.outTradeNo() + " was never opened by pre-pay"));
        transaction.mismatchWith(notification).ifPresent(reason -> {
            log.warn("gateway notification {} refused: {}", notification.notificationId(), reason);
            throw new BizException(ErrorCode.PAY_NOTIFICATION_MISMATCH, reason);
        });
        captureLedger.capture(transaction);
        log.info("gateway notification {}: {} cents of order {} captured (trade {})", notification.notificationId(),
                transaction.payAmount(), transaction.orderId(), transaction.outTradeNo());
        orderGateway.paymentReceived(transaction.orderId(), transaction.payType(), transaction.outTradeNo(), transaction.payAmount());
    }

    private static PaymentNotification parse(String body) {
        GatewayPaymentNotification raw;
        try {
            raw = Json.fromJson(body, GatewayPaymentNotification.class);
        } catch (RuntimeException e) { // whatever the parser makes of bytes that are not the gateway's JSON
            throw BizException.invalid("notification body is not the gateway's JSON");
        }
        Checks.notNull(raw, "notification");
        if (!GatewayPaymentNotification.TRADE_SUCCESS.equals(raw.getTradeState())) {
            throw BizException.invalid("tradeState " + raw.getTradeState() + " is not a payment");
        }
        return new PaymentNotification(
                Checks.id(raw.getNotificationId(), "notificationId"),
                Checks.id(raw.getOutTradeNo(), "outTradeNo"),
                Checks.id(raw.getOrderId(), "orderId"),
                PayTypes.supported(raw.getPayType()),
                Checks.positiveAmount(raw.getPayAmount(), "payAmount"));
    }
}
