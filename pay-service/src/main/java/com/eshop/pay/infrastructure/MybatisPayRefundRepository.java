package com.eshop.pay.infrastructure;

import com.eshop.pay.domain.PayRefund;
import com.eshop.pay.domain.PayRefundRepository;
import com.eshop.pay.infrastructure.dataobject.PayRefundDO;
import com.eshop.pay.infrastructure.mapper.PayRefundMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class MybatisPayRefundRepository implements PayRefundRepository {
    private final PayRefundMapper mapper;

    public MybatisPayRefundRepository(PayRefundMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<PayRefund> findByRefundRequestId(String refundRequestId) {
        return Optional.ofNullable(mapper.selectByRefundRequestId(refundRequestId)).map(MybatisPayRefundRepository::toDomain);
    }

    @Override
    public boolean insert(PayRefund refund) {
        PayRefundDO row = new PayRefundDO();
        row.setRefundRequestId(refund.refundRequestId());
        row.setOrderId(refund.orderId());
        row.setOutTradeNo(refund.outTradeNo());
        row.setPayType(refund.payType());
        row.setRefundAmount(refund.refundAmount());
        row.setStatus(refund.status());
        try {
            return mapper.insert(row) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public long sumRefundedByOutTradeNo(String outTradeNo) {
        return mapper.sumRefundAmountByOutTradeNo(outTradeNo);
    }

    @Override
    public List<PayRefund> listByOrderId(String orderId) {
        return mapper.selectByOrderId(orderId).stream().map(MybatisPayRefundRepository::toDomain).toList();
    }

    private static PayRefund toDomain(PayRefundDO row) {
        return new PayRefund(row.getRefundRequestId(), row.getOrderId(), row.getOutTradeNo(), row.getPayType(),
                row.getRefundAmount(), row.getStatus());
    }
}
