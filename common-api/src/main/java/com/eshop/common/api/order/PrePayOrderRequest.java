package com.eshop.common.api.order;

import com.eshop.common.api.CodeOf;
import com.eshop.common.api.Required;
import com.eshop.common.api.enums.PayTypeEnum;
import lombok.Data;

import java.io.Serializable;


@Data
public class PrePayOrderRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    @Required
    private String orderId;
    @Required
    private String userId;
    @Required
    @CodeOf(PayTypeEnum.class)
    private Integer payType;
    @Required
    private Integer payAmount;
}
