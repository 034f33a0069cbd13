# Importing people from a CSV file.
# The server shows an error as "Line {line}: {message} ({value})", so the messages have no placeholders.

## Problems with the file as a whole

import-error-encoding = The file is not saved as UTF-8, so letters such as æ, ø and å cannot be read correctly. Open the file in Excel, choose File > Save As and pick the file type "CSV UTF-8 (Comma delimited)". Then upload the new file.
import-error-empty = The file is empty or contains only the header row. Add one row per person below the headers and upload the file again.
import-error-too-many-rows = The file contains more than 20,000 people, which is more than can be imported at once. Split it into several smaller files and import them one at a time.
import-error-unreadable = The file cannot be read as a CSV file. Save it again from Excel as "CSV UTF-8 (Comma delimited)" and upload it again.

## Problems in the header row

import-error-missing-column = The file is missing a required column. Add a column with the header shown in brackets.
import-error-unknown-column = This column header is not recognised. Use the headers name, e-mail, unit, nearest leader and roles, or delete the column.
import-error-duplicate-column = This column is already in the file, perhaps under another name such as "mail" and "e-mail". Delete one of them so that each piece of information is in one column only.

## Problems in a row

import-error-value-without-column = There is a value in a column without a header. Give the column a header or delete the value.
import-error-field-count = The row does not have the same number of fields as the header row. The numbers in brackets are the fields in the row and in the header. If a value contains a semicolon or comma, put it in quotation marks.
import-error-duplicate-email = This e-mail address is already on an earlier line of the file. Each person may appear only once, so delete or correct one of the rows.
import-error-leader-email-invalid = The nearest leader's e-mail address is not valid. Correct the address in the nearest leader column or leave the field empty.
import-error-role-unknown = This role is not recognised. Use leader, HR, top management (top_management), works council (works_council), safety organisation (safety_org) or facilitator, or their Danish names, and separate several roles with + or |, e.g. leader+hr. An empty field makes the person a leader.

## Problems in the reporting lines

import-error-leader-unknown = The nearest leader is neither in the file nor among the organisation's people. Add the leader as a row in the file or correct the e-mail address.
import-error-leader-self = A person cannot be their own nearest leader. Correct the e-mail address in the nearest leader column or leave the field empty.
import-error-leader-cycle = The reporting lines go round in a circle: the people in brackets are each other's nearest leaders, so none of them is at the top. Change the nearest leader of at least one of them.
