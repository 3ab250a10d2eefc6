package com.eshop.common.api.contract;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import com.eshop.common.api.CodeOf;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.Required;
import com.eshop.common.api.enums.PayTypeEnum;
import lombok.Data;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check behind PublishedContractsTest, on a fixture API: a document that no longer matches its DTOs fails it. */
class ContractDriftTest {
    private static final String DOCUMENT = "parcel-openapi.json";

    @Test
    void aDocumentGeneratedFromTheCodeDescribesIt() {
        JSONObject committed = roundTrip(generated());

        PublishedDocument.assertDescribes(DOCUMENT, committed, generated());
    }

    @Test
    void aFieldAddedToADtoFailsTheCheckOfTheStaleDocument() {
        JSONObject stale = roundTrip(generated());
        parcelProperties(stale).remove("weightGrams");

        assertThatThrownBy(() -> PublishedDocument.assertDescribes(DOCUMENT, stale, generated()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/components/schemas/Parcel/properties/weightGrams: in the code, missing from the document")
                .hasMessageContaining(PublishedDocument.REGENERATE);
    }

    @Test
    void aFieldRemovedFromADtoFailsTheCheckOfTheStaleDocument() {
        JSONObject stale = roundTrip(generated());
        parcelProperties(stale).put("giftWrap", JSONObject.of("type", "boolean"));

        assertThatThrownBy(() -> PublishedDocument.assertDescribes(DOCUMENT, stale, generated()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/components/schemas/Parcel/properties/giftWrap: in the document, gone from the code")
                .hasMessageContaining(PublishedDocument.REGENERATE);
    }

    @Test
    void theDocumentCarriesTheTripleMappingRequiredFieldsAndCodes() {
        JSONObject document = roundTrip(generated());

        JSONObject operation = document.getJSONObject("paths")
                .getJSONObject("/" + ParcelApi.class.getName() + "/send").getJSONObject("post");
        JSONObject body = operation.getJSONObject("requestBody").getJSONObject("content")
                .getJSONObject("application/json").getJSONObject("schema");
        assertThat(body.getString("type")).isEqualTo("array");
        assertThat(body.getJSONArray("prefixItems")).containsExactly(JSONObject.of("$ref", "#/components/schemas/Parcel"),
                JSONObject.of("type", "string"));
        JSONObject schemas = document.getJSONObject("components").getJSONObject("schemas");
        assertThat(schemas.getJSONObject("Parcel").getJSONArray("required")).containsExactly("parcelId");
        assertThat(parcelProperties(document).getJSONObject("payType")).isEqualTo(JSONObject.of("$ref", "#/components/schemas/PayTypeEnum"));
        assertThat(schemas.getJSONObject("PayTypeEnum").getJSONArray("enum")).containsExactly(10, 20);
        assertThat(parcelProperties(document).getJSONObject("items").getJSONObject("items"))
                .isEqualTo(JSONObject.of("$ref", "#/components/schemas/ParcelItem"));
    }

    private static JSONObject generated() {
        return OpenApiDocument.generate(List.of(ParcelApi.class));
    }

    private static JSONObject roundTrip(JSONObject document) {
        return JSON.parseObject(JSON.toJSONString(document));
    }

    private static JSONObject parcelProperties(JSONObject document) {
        return document.getJSONObject("components").getJSONObject("schemas").getJSONObject("Parcel").getJSONObject("properties");
    }

    interface ParcelApi {
        JsonResult<Parcel> send(Parcel parcel, String userId);
    }

    @Data
    public static class Parcel {
        @Required
        private String parcelId;
        @CodeOf(PayTypeEnum.class)
        private Integer payType;
        private Integer weightGrams;
        private List<ParcelItem> items;
    }

    @Data
    public static class ParcelItem {
        private String skuCode;
    }
}
