package com.example.zmq.quickstart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A replier, a subscriber and a puller, fed by {@code ZmqTemplate}: run it, watch what
 * flows, and it exits by itself.
 */
@SpringBootApplication
public class QuickstartApplication {

	public static void main(String[] args) {
		// the demo runs while the context starts; closing it stops the listeners and ends
		// the JVM
		SpringApplication.run(QuickstartApplication.class, args).close();
	}

}
