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
    private String orderId;
    private String userId;
    @CodeOf(OrderCancelTypeEnum.class)
    private Integer cancelType;
    private OrderDetailDTO orderInfoDTO;
    private List<OrderItemDTO> orderItemDTOList;
    /** Cancelling an order returns all of it (the coupon goes back with the last item). */
    private boolean lastReturnGoods = true;
}
