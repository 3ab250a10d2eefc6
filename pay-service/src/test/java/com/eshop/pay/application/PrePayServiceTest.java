package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.pay.PayPrePayDTO;
import com.eshop.common.api.pay.PayPrePayRequest;
import com.eshop.pay.domain.PayTransaction;
import com.eshop.support.error.Checks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class PrePayServiceTest {
    private final PayFixture db = new PayFixture();
    private final List<PayTransaction> transactions = db.transactions;
    private final PrePayService service = new PrePayService(db.transactionRepository);

    @Test
    void prePayReturnsTheSameTransactionForTheSameOrderAndPayType() {
        PayPrePayDTO first = service.prePay(prePay("O1", 10, 900));
        PayPrePayDTO again = service.prePay(prePay("O1", 10, 900));
        PayPrePayDTO otherType = service.prePay(prePay("O1", 20, 900));

        assertThat(again.getOutTradeNo()).isEqualTo(first.getOutTradeNo());
        assertThat(otherType.getOutTradeNo()).isNotEqualTo(first.getOutTradeNo());
        assertThat(transactions).hasSize(2);
    }

    @Test
    void invalidPrePayIsRefused() {
        assertRefused(() -> service.prePay(prePay("O1", 99, 900)), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.prePay(prePay("O1", null, 900)), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.prePay(prePay("O1", 10, 0)), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.prePay(prePay("O1", 10, Checks.MAX_AMOUNT + 1)), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.prePay(prePay("O 1", 10, 900)), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.prePay(null), ErrorCode.PARAM_INVALID);
        assertThat(transactions).isEmpty();
    }

    private static PayPrePayRequest prePay(String orderId, Integer payType, int amount) {
        PayPrePayRequest request = new PayPrePayRequest();
        request.setOrderId(orderId);
        request.setUserId("U1001");
        request.setPayType(payType);
        request.setPayAmount(amount);
        return request;
    }
}
