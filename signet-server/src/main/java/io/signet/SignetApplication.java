package io.signet;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SignetApplication {

    public static void main(String[] args) {
        SpringApplication.run(SignetApplication.class, args);
    }

    /** The one source of "now", so that tests can pin time and pure code never reads the system clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
