package com.eshop.common.api.mq;

import com.eshop.common.api.CodeOf;
import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.order.OrderDetailDTO;
import com.eshop.common.api.order.OrderItemDTO;
import lombok.Data;

import java.util.List;

/**
 * Body of RELEASE_ASSETS and CANCEL_REFUND_REQUEST: the order as it was when the cancel was decided, so each
 * release consumer works from the message alone.
 */
@Data
public class CancelOrderAssembleRequest {
    /** Message property naming the cancel attempt; its operate log row carries the same id. */
    public static final String CANCEL_REQUEST_ID = "cancelRequestId";

    private String orderId;
    private String userId;
    @CodeOf(OrderCancelTypeEnum.class)
    private Integer cancelType;
    private String cancelRequestId;
    private OrderDetailDTO orderInfoDTO;
    private List<OrderItemDTO> orderItemDTOList;
    /** Cancelling an order returns all of it (the coupon goes back with the last item). */
    private boolean lastReturnGoods = true;
}
