package com.eshop.common.api.order;

import com.eshop.common.api.CodeOf;
import com.eshop.common.api.enums.PayTypeEnum;
import lombok.Data;

import java.io.Serializable;


@Data
public class PrePayOrderDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String outTradeNo;
    @CodeOf(PayTypeEnum.class)
    private Integer payType;
    private Integer payAmount;
}
