package com.eshop.common.api.tms;

import lombok.Data;

import java.io.Serializable;


@Data
public class SendOutRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String fulfillId;
    private String userId;
}
