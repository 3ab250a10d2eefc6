package com.eshop.pay.infrastructure;

import com.eshop.pay.domain.PayCapture;
import com.eshop.pay.domain.PayCaptureRepository;
import com.eshop.pay.infrastructure.dataobject.PayCaptureDO;
import com.eshop.pay.infrastructure.mapper.PayCaptureMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

import java.util.Optional;

@Repository
public class MybatisPayCaptureRepository implements PayCaptureRepository {
    private final PayCaptureMapper mapper;

    public MybatisPayCaptureRepository(PayCaptureMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<PayCapture> lockByOutTradeNo(String outTradeNo) {
        return Optional.ofNullable(mapper.selectByOutTradeNoForUpdate(outTradeNo)).map(MybatisPayCaptureRepository::toDomain);
    }

    @Override
    public Optional<PayCapture> findByOutTradeNo(String outTradeNo) {
        return Optional.ofNullable(mapper.selectByOutTradeNo(outTradeNo)).map(MybatisPayCaptureRepository::toDomain);
    }

    @Override
    public boolean insert(PayCapture capture) {
        PayCaptureDO row = new PayCaptureDO();
        row.setOutTradeNo(capture.outTradeNo());
        row.setOrderId(capture.orderId());
        row.setPayType(capture.payType());
        row.setPayAmount(capture.payAmount());
        try {
            return mapper.insert(row) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static PayCapture toDomain(PayCaptureDO row) {
        return new PayCapture(row.getOutTradeNo(), row.getOrderId(), row.getPayType(), row.getPayAmount());
    }
}
