package com.eshop.pay.domain;

import java.util.Optional;

public interface PayCaptureRepository {
    /** Reads the capture with a row lock (SELECT ... FOR UPDATE): refunds of one trade are decided one at a time. */
    Optional<PayCapture> lockByOutTradeNo(String outTradeNo);

    Optional<PayCapture> findByOutTradeNo(String outTradeNo);

    /** false when the trade number is already stored. */
    boolean insert(PayCapture capture);
}
