package com.eshop.pay.application;

import com.eshop.common.api.enums.PayTypeEnum;
import com.eshop.support.error.BizException;

final class PayTypes {
    private PayTypes() {
    }

    /** The code of a supported pay type; any other is PARAM_INVALID. */
    static int supported(Integer code) {
        return PayTypeEnum.find(code).orElseThrow(() -> BizException.invalid("payType " + code + " is not supported")).getCode();
    }
}
