package com.eshop.pay.web;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.pay.application.ReceivePaymentNotificationService;
import com.eshop.pay.application.SignedNotification;
import com.eshop.support.error.ApiResults;
import com.eshop.common.api.pay.GatewaySignature;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * The payment gateway's notify URL. The gateway re-sends a notification until it gets a 2xx, so the status says
 * whether to: 200 when the payment is settled (kept, or refunded by order-service), 400 for a body the gateway
 * could not have signed this way, 401 for a missing, wrong or stale signature, 409 for a notification that does not
 * match the trade it names (all three changed nothing), 503 for anything that a later delivery can finish. The body
 * is the suite's usual envelope.
 */
@RestController
public class PaymentNotificationController {
    private static final Set<String> SETTLED = Set.of(ErrorCode.ORDER_CANCEL_PAY_CALLBACK_REFUNDED.name(),
            ErrorCode.ORDER_PAY_TYPE_REPEAT_REFUNDED.name());
    private static final Set<String> UNAUTHENTICATED = Set.of(ErrorCode.PAY_NOTIFICATION_SIGNATURE_INVALID.name(),
            ErrorCode.PAY_NOTIFICATION_EXPIRED.name());
    private static final Set<String> NOT_THIS_TRADE = Set.of(ErrorCode.PAY_NOTIFICATION_MISMATCH.name(),
            ErrorCode.PAY_TRANSACTION_NOT_FOUND.name());

    private final ReceivePaymentNotificationService receivePaymentNotificationService;

    public PaymentNotificationController(ReceivePaymentNotificationService receivePaymentNotificationService) {
        this.receivePaymentNotificationService = receivePaymentNotificationService;
    }

    @PostMapping(path = "/pay/notifications", consumes = "application/json")
    public ResponseEntity<JsonResult<Boolean>> receive(@RequestHeader(name = GatewaySignature.TIMESTAMP_HEADER, required = false) String timestamp,
                                                       @RequestHeader(name = GatewaySignature.NONCE_HEADER, required = false) String nonce,
                                                       @RequestHeader(name = GatewaySignature.SIGNATURE_HEADER, required = false) String signature,
                                                       @RequestBody(required = false) String body) {
        JsonResult<Boolean> result = ApiResults.call(() -> {
            receivePaymentNotificationService.receive(new SignedNotification(timestamp, nonce, signature, body));
            return true;
        });
        return ResponseEntity.status(status(result)).body(result);
    }

    private static HttpStatus status(JsonResult<?> result) {
        String code = result.getErrorCode();
        if (result.isOk() || SETTLED.contains(code)) {
            return HttpStatus.OK;
        }
        if (UNAUTHENTICATED.contains(code)) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (NOT_THIS_TRADE.contains(code)) {
            return HttpStatus.CONFLICT;
        }
        if (ErrorCode.PARAM_INVALID.name().equals(code)) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.SERVICE_UNAVAILABLE;
    }
}
