package com.example.cashiers;

import java.util.UUID;

/**
 * The cashier entity; its name gives the topic {@code {env}.appdomain.public.cashiers}.
 *
 * @param id the cashier id
 * @param name the cashier's name
 */
public record Cashier(UUID id, String name) {

}
