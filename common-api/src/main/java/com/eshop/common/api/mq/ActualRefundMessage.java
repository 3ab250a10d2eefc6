package com.eshop.common.api.mq;

import lombok.Data;

import java.io.Serializable;


@Data
public class ActualRefundMessage implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String afterSaleId;
    private boolean lastReturnGoods;
}
