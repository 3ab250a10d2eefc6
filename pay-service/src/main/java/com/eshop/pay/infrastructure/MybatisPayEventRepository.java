package com.eshop.pay.infrastructure;

import com.eshop.pay.domain.PayEvent;
import com.eshop.pay.domain.PayEventRepository;
import com.eshop.pay.domain.PayEventType;
import com.eshop.pay.infrastructure.mapper.PayCaptureMapper;
import com.eshop.pay.infrastructure.mapper.PayRefundMapper;
import com.eshop.pay.infrastructure.mapper.PayTransactionMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

@Repository
public class MybatisPayEventRepository implements PayEventRepository {
    private final PayTransactionMapper transactionMapper;
    private final PayCaptureMapper captureMapper;
    private final PayRefundMapper refundMapper;

    public MybatisPayEventRepository(PayTransactionMapper transactionMapper, PayCaptureMapper captureMapper,
                                     PayRefundMapper refundMapper) {
        this.transactionMapper = transactionMapper;
        this.captureMapper = captureMapper;
        this.refundMapper = refundMapper;
    }

    @Override
    public List<PayEvent> findByOrderId(String orderId) {
        List<PayEvent> events = new ArrayList<>();
        transactionMapper.selectByOrderId(orderId).forEach(row -> events.add(new PayEvent(PayEventType.PRE_PAY_CREATED,
                utc(row.getGmtCreate()), row.getOutTradeNo(), row.getPayType(), row.getPayAmount(), null)));
        captureMapper.selectByOrderId(orderId).forEach(row -> events.add(new PayEvent(PayEventType.PAYMENT_CAPTURED,
                utc(row.getGmtCreate()), row.getOutTradeNo(), row.getPayType(), row.getPayAmount(), null)));
        refundMapper.selectByOrderId(orderId).forEach(row -> events.add(new PayEvent(PayEventType.REFUND_EXECUTED,
                utc(row.getGmtCreate()), row.getOutTradeNo(), row.getPayType(), row.getRefundAmount(), row.getRefundRequestId())));
        return events;
    }

    /** DATETIME columns hold UTC (the connection's serverTimezone). */
    private static Instant utc(LocalDateTime value) {
        return value.toInstant(ZoneOffset.UTC);
    }
}
