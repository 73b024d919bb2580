package io.signet.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.ApiClient;
import io.signet.testing.Browser;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestImages;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/**
 * Renders each starter template for an employee with every field in headless Chromium, as a mail
 * client shows it, checks that every image loads from Signet and saves a screenshot per template in
 * target/screenshots.
 */
@PersistenceTest
class StarterTemplatesBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;
    @Autowired
    SignatureAssets assets;

    @Test
    void eachStarterTemplateShowsItsTextAndImagesInChromium() throws Exception {
        TestOrg org = organizations.create(port);
        ApiClient api = org.owner();
        String logo = assets.upload(org.orgId(), "image/png", TestImages.png(360, 120, 0x1f4e79)).id().toString();
        String banner = assets.upload(org.orgId(), "image/png", TestImages.png(960, 240, 0x0b5cad)).id().toString();
        String photo = assets.upload(org.orgId(), "image/png", TestImages.png(160, 160, 0x8a5a44)).id().toString();
        api.put("/api/v1/signature-settings", "{\"companyName\":\"Contoso Ltd\",\"website\":\"https://contoso.example\","
                + "\"logoAssetId\":\"" + logo + "\",\"bannerAssetId\":\"" + banner + "\",\"bannerLink\":\"https://contoso.example/events\"}");
        String sales = api.post("/api/v1/departments", "{\"name\":\"Sales\"}").id();
        String employee = api.post("/api/v1/employees", """
                {"email":"jane.doe@contoso.example","firstName":"Jane","lastName":"Doe","displayName":"Jane Doe",
                 "jobTitle":"Head of Sales <b>","departmentId":"%s","businessPhone":"+49 30 1234-5","mobilePhone":"+49 170 1234567",
                 "street":"Unter den Linden 1","postalCode":"10117","city":"Berlin","country":"Germany",
                 "officeLocation":"HQ","photoRef":"%s"}""".formatted(sales, photo)).id();

        try (Browser browser = Browser.start(900, 500)) {
            for (String starter : List.of("classic", "compact", "photo-banner")) {
                String template = api.post("/api/v1/signature-templates/from-starter", "{\"starter\":\"" + starter + "\"}").id();
                api.post("/api/v1/signature-assignments", "{\"scope\":\"default\",\"type\":\"new\",\"templateId\":\"" + template + "\"}");
                String html = api.get("/api/v1/employees/" + employee + "/signature?type=new").text("html")
                        .replace("http://localhost:8080/", "http://127.0.0.1:" + port + "/");
                Path page = Files.createDirectories(Browser.SCREENSHOTS).resolve(starter + ".html").toAbsolutePath();
                Files.writeString(page, "<!doctype html><html><head><meta charset=\"utf-8\"></head>"
                        + "<body style=\"margin:24px;background:#ffffff\"><p style=\"font-family:Arial\">Best regards,</p>"
                        + html + "</body></html>");

                browser.driver().get(page.toUri().toString());

                String text = browser.driver().findElement(By.tagName("body")).getText();
                assertThat(text).as(starter).contains("Jane Doe", "Contoso Ltd").doesNotContain("{{");
                if (!starter.equals("compact")) {
                    assertThat(text).as(starter).contains("Head of Sales <b>");
                }
                Long broken = (Long) browser.driver().executeScript(
                        "return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length;");
                Long images = (Long) browser.driver().executeScript("return document.images.length;");
                assertThat(broken).as(starter + " broken images").isZero();
                assertThat(images).as(starter + " images").isEqualTo(starter.equals("classic") ? 1L
                        : starter.equals("photo-banner") ? 2L : 0L);
                assertThat(browser.driver().findElements(By.cssSelector("a[href^='tel:']"))).as(starter).isNotEmpty();
                assertThat(browser.screenshot("signature-" + starter)).exists();
            }
        }
    }
}
